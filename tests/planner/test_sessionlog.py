"""Logged sessions read from CSV and Excel: the column mapping, located errors, duplicates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from planner import edits as E
from planner.errors import InputError
from planner.season import Athlete
from planner.sessionlog import LABEL, read_sessions
from planner.text import day as text_day
from planner.text import day_long
from tests.builders import day, season
from tests.guidetext import ROOT, readme_section


@pytest.fixture
def s():
    base = season(weeks=4, athletes=3, today=day(14))
    return base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0, "name": n}) for a, n in
        zip(base.athletes, ("Ann Ash", "Bo Birch", "Cy Cedar"), strict=True))})


def write(tmp_path, text: str, name: str = "log.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_an_impossible_date_names_the_day_or_month_not_the_format(tmp_path, s):
    """'2026-13-03' is written as the log asks: "is not a date; write it as YYYY-MM-DD" sent
    the coach to look for a format error. The month is what does not exist (a swap, likely)."""
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,2026-13-03,60,5\nA1,2026-02-30,60,5\n"
                        "A1,soon,60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    text = str(e.value)
    assert ("row 2, Date: '2026-13-03' is not a day of the calendar (there is no month 13; day and "
            "month swapped, it is Fri 13 Mar 2026: 2026-03-13); write it as YYYY-MM-DD") in text
    assert "row 3, Date: '2026-02-30' is not a day of the calendar (30 February does not exist)" in text
    assert "row 4, Date: 'soon' is not a date; write it as YYYY-MM-DD" in text


def test_plain_columns_in_any_order_and_case(tmp_path, s):
    p = write(tmp_path, f"rpe,Date,minutes,ATHLETE ID,Top speed %,pain,note\n"
                        f"6,{day(1)},75,A1,92,2,sprints\n5,{day(2)},60,a2,,,\n")
    r = read_sessions(p, s)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.top_speed_pct, x.pain, x.note) for x in r.sessions] == [
        ("A1", day(1), 75, 6, 92, 2, "sprints"), ("A2", day(2), 60, 5, None, None, "")]
    assert r.mapping["athlete"] == "ATHLETE ID"


def test_gps_export_names_are_recognised_and_the_mapping_is_said(tmp_path, s):
    p = write(tmp_path, f"Player;Date;Duration;sRPE;Max Velocity (km/h);Minutes played\n"
                        f"Ann Ash;{day(5)};95;760;32.4;90\n")
    r = read_sessions(p, s)
    (x,) = r.sessions
    assert x.athlete == "A1" and x.rpe == pytest.approx(8.0) and x.minutes_played == 90
    assert x.top_speed_ms == pytest.approx(9.0)
    text = r.text()
    assert "Athlete ID <- 'Player'" in text and "session loads" in text and "km/h" in text


def test_every_problem_is_located_and_nothing_is_read(tmp_path, s):
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %\n"
                        f"A9,{day(1)},60,5,\n"          # row 2: unknown athlete
                        f"A1,{day(20)},60,5,\n"         # row 3: after today
                        f"A1,{day(2)},60,12,\n"         # row 4: RPE outside 0-10
                        f"A1,{day(3)},700,5,\n"         # row 5: minutes above 600
                        f"A1,{day(4)},60,5,130\n"       # row 6: top speed above 110 %
                        f"A1,31/02/2027,60,5,\n")       # row 7: not a date
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    msg = str(e.value)
    wheres = ("row 2, Athlete ID", "row 3, Date", f"row 4 (A1, {day(2)}), RPE",
              f"row 5 (A1, {day(3)}), Minutes",
              f"row 6 (A1, {day(4)}), Top speed %", "row 7, Date")
    for where in wheres:
        assert where in msg, where
    assert [msg.index(w) for w in wheres] == sorted(msg.index(w) for w in wheres)  # row by row
    assert "log.csv" in msg


def test_dates_written_with_slashes_or_dots_read_as_the_coach_workbook_reads_them(tmp_path, s):
    """14/09/2026 and 3.1.2027 read as the one day they can be in the season (a log's: from
    four weeks before its start), a US export's in its order; the reading is said once, with an
    example, as the coach workbook says it (planner.text.read_text_dates)."""
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{day(1).strftime('%d/%m/%Y')},60,5\n"
                        f"A2,{day(2).day}.{day(2).month}.{day(2).year},45,4\n")
    r = read_sessions(p, s)
    assert [x.date for x in r.sessions] == [day(1), day(2)]
    # dots are day first: the dotted row gives the slashed one its order
    dotted = f"{day(2).day}.{day(2).month}.{day(2).year}"
    assert (f"2 dates typed as text in the column 'Date', read day first (dd/mm/yyyy), as its "
            f"dates readable one way only are (e.g. row 3 '{dotted}' = {day_long(day(2))})") in r.text()
    us = day(9)  # the 13th: a day above 12, only month first reads it
    assert us.day > 12
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{us.strftime('%m/%d/%Y')},60,5\n"
                        f"A1,{day(1).strftime('%m/%d/%Y')},60,5\n")
    r = read_sessions(p, s)
    assert [x.date for x in r.sessions] == [us, day(1)]
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,14/13/2026,60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert "row 2, Date: '14/13/2026' is not a date; make the cell an Excel date or write it as " \
           "YYYY-MM-DD" in str(e.value)
    # a session's start time after the date, as GPS exports write it
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1).strftime('%d/%m/%Y')} 09:30,60,5\n")
    assert [x.date for x in read_sessions(p, s).sessions] == [day(1)]
    # an ISO start time with its time zone, as AMS and GPS APIs write it: the date as written
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"A1,{day(1)}{t},{m},5\n" for t, m in (("T18:00:00Z", 60), ("T18:00:00+01:00", 50),
                                                 ("T23:30-0500", 40))))
    assert [x.date for x in read_sessions(p, s).sessions] == [day(1)] * 3
    # a day of one digit, as the workbook and --today take it (the log read the first ten
    # characters, '2027-01-5T', and refused it)
    one = f"{day(1).year}-{day(1).month:02d}-{day(1).day}T18:00:00Z"
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{one},60,5\n")
    assert [x.date for x in read_sessions(p, s).sessions] == [day(1)]
    # both readings outside the season: refused with both (neither is a day of its log)
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,03/04/2027,60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        "row 2, Date: '03/04/2027' could be Sat 3 Apr 2027 (day first) or Thu 4 Mar 2027 (month "
        "first); make the cell an Excel date or write it as YYYY-MM-DD: 2027-04-03 or 2027-03-04"]


def test_a_log_s_rows_readable_one_way_give_the_others_their_order(tmp_path, s):
    """'09/01/2027' (9 January or 1 September) was read day first whatever the file's other
    rows said. A row that reads one way only ('01/13/2027': month first) now gives the column
    its order, said with that row; with nothing to decide it, such a row is refused with both
    readings; rows of both orders are each read as the one day they can be."""
    us = day(9)  # 13 Jan 2027
    jan = season(weeks=4, athletes=1, today=day(14))
    # a season into February: '01/02/2027' is 1 February or 2 January, both days of it
    feb = jan.model_copy(update={"calendar": jan.calendar.model_copy(
        update={"end": dt.date(2027, 2, 28)})})
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{us.strftime('%m/%d/%Y')},60,5\nA1,01/02/2027,60,5\n")
    r = read_sessions(p, feb)
    assert [x.date for x in r.sessions] == [us, dt.date(2027, 1, 2)]
    assert ("2 dates typed as text in the column 'Date', read month first (mm/dd/yyyy), as its "
            "dates readable one way only are (e.g. row 2 '01/13/2027' = Wed 13 Jan 2027)") in r.text()
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,11/01/2027,60,5\n")  # 11 Jan or 1 Nov 2027
    assert [x.date for x in read_sessions(p, s).sessions] == [dt.date(2027, 1, 11)]
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{day(10).strftime('%d/%m/%Y')},60,5\nA1,{us.strftime('%m/%d/%Y')},60,5\n")
    assert [x.date for x in read_sessions(p, s).sessions] == [day(10), us]
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,01/02/2027,60,5\n")
    # today 18 Jan: 1 February is no day of the log, so it is 2 January; once February is past,
    # both are
    assert [x.date for x in read_sessions(p, feb).sessions] == [dt.date(2027, 1, 2)]
    feb = feb.model_copy(update={"calendar": feb.calendar.model_copy(
        update={"today": dt.date(2027, 2, 15)})})
    with pytest.raises(InputError) as e:
        read_sessions(p, feb)
    assert e.value.problems == [
        "row 2, Date: '01/02/2027' could be Mon 1 Feb 2027 (day first) or Sat 2 Jan 2027 (month "
        "first); make the cell an Excel date or write it as YYYY-MM-DD: 2027-02-01 or 2027-01-02"]


def test_a_repeated_row_is_counted_once_also_against_the_season(tmp_path, s):
    line = f"A1,{day(1)},60,5\n"
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + line + line)
    r = read_sessions(p, s)
    assert len(r.sessions) == 1 and r.repeated == ["row 3 repeats row 2 (300 AU left out)"]
    logged = E.LogSessions(sessions=tuple(r.sessions)).apply(s)
    again = read_sessions(p, logged)
    assert again.sessions == [] and len(again.repeated) == 2


def test_a_log_imported_twice_lists_a_few_rows_counted_once_and_counts_the_rest(tmp_path, s):
    """The demo's log imported a second time said "Counted once: row N is already in the season"
    2,381 times: a message box taller than the screen, its OK button out of reach."""
    rows = "".join(f"A{1 + k % 3},{day(k % 13)},{30 + k},5\n" for k in range(30))
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + rows)
    logged = E.LogSessions(sessions=tuple(read_sessions(p, s).sessions)).apply(s)
    again = read_sessions(p, logged)
    assert again.sessions == [] and len(again.repeated) == 30
    lines = again.text().splitlines()
    counted = [line for line in lines if line.startswith("Counted once")]
    assert len(counted) == 9 and counted[-1] == "Counted once: 22 more rows like these (30 in all)"


def test_the_short_text_says_the_rows_counted_once_in_one_line(tmp_path, s):
    """Move Today's import note listed "Counted once: row N is already in the season" line by
    line (9 lines every week of a whole season's export), pushing the flare-up to record below
    the fold: its short form says them in one line; the command line keeps its lines."""
    rows = "".join(f"A{1 + k % 3},{day(k % 13)},{30 + k},5\n" for k in range(30))
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + rows)
    logged = E.LogSessions(sessions=tuple(read_sessions(p, s).sessions)).apply(s)
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + rows + f"A1,{day(13)},40,4\n" * 2)
    again = read_sessions(p, logged)
    assert len(again.sessions) == 1 and len(again.repeated) == 31
    short = again.text(short=True).splitlines()
    assert short[-1] == ("30 rows already in the season and 1 row repeating another row of the "
                         "log, counted once (160 AU left out; if they were separate sessions, give "
                         "each a different Note (e.g. AM, PM) and import again)"), short
    assert not [line for line in short if line.startswith("Counted once")]
    assert short[:-1] == [x for x in again.text().splitlines() if not x.startswith("Counted once")]


def test_excel_sessions_sheet(tmp_path, s):
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    ws = wb.create_sheet("Sessions")
    ws.append(["Athlete ID", "Date", "Minutes", "RPE"])
    ws.append(["A3", day(6), 45, 3])
    wb.save(tmp_path / "log.xlsx")
    (x,) = read_sessions(tmp_path / "log.xlsx", s).sessions
    assert (x.athlete, x.date, x.minutes, x.rpe) == ("A3", day(6), 45, 3)


def test_not_a_csv_or_excel_file_and_missing_columns(tmp_path, s):
    with pytest.raises(InputError, match="not a CSV or an Excel"):
        read_sessions(write(tmp_path, "x", "log.pdf"), s)
    with pytest.raises(InputError, match="no column for Minutes, RPE"):
        read_sessions(write(tmp_path, f"Athlete ID,Date\nA1,{day(1)}\n"), s)


def test_a_season_without_today_takes_only_its_pre_season_log(tmp_path):
    s = season(weeks=4, athletes=1)
    with pytest.raises(InputError, match=r"after today \(.*: the season start, as today has not been moved yet\); .* move today on first"):
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5\n"), s)
    (x,) = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(-3)},60,5\n"), s).sessions
    assert x.date == day(-3)


def test_two_athletes_with_one_name_need_the_id(tmp_path, s):
    twin = s.model_copy(update={"athletes": s.athletes + (Athlete(id="A4", name="Ann Ash"),)})
    with pytest.raises(InputError, match="share that name"):
        read_sessions(write(tmp_path, f"Athlete,Date,Minutes,RPE\nAnn Ash,{day(1)},60,5\n"), twin)


def test_a_name_written_with_a_combining_accent_is_the_same_name(tmp_path, s):
    """A log saved on a Mac writes "José" as "Jose" and a combining accent: it looked the same
    as the squad's name, and was refused as "no athlete has that name; did you mean José?"."""
    import unicodedata

    squad = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "José Müller"}),)
                                 + s.athletes[1:]})
    mac = unicodedata.normalize("NFD", "José Müller")
    assert mac != "José Müller"
    r = read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\n{mac},{day(1)},60,5\n"
                                      f" josé  MÜLLER ,{day(2)},60,5\n"), squad)
    assert [(x.athlete, x.date) for x in r.sessions] == [("A1", day(1)), ("A1", day(2))]


def test_a_top_speed_percent_column_of_speeds_is_said_with_the_column_name_that_reads_them(tmp_path, s):
    """31.5 km/h typed into the form's 'Top speed %' column reads as 31.5 % of the max: in
    range, so it was taken without a word and the day counted as no speed work."""
    r = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %\n"
                                      f"A1,{day(1)},60,5,31.5\nA2,{day(1)},60,5,28\nA3,{day(1)},60,5,\n"), s)
    assert [x.top_speed_pct for x in r.sessions] == [31.5, 28, None]  # still read as written
    said = [n for n in r.notes if "Top speed %" in n and "no value above 40" in n]
    assert len(said) == 1 and "row 2, is 31.5" in said[0] and "name it 'Top speed km/h'" in said[0]
    ms = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %\nA1,{day(1)},60,5,8.7\n"), s)
    assert any("name it 'Top speed m/s'" in n for n in ms.notes)
    fine = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %\n"
                                         f"A1,{day(1)},60,5,31.5\nA2,{day(1)},60,5,92\n"), s)
    assert not any("no value above" in n for n in fine.notes)


def test_a_duration_written_as_a_clock_is_read_or_refused_with_its_readings(tmp_path, s):
    """GPS exports write a session's duration as 01:15:00 and a workbook's time cell reads so:
    each was refused as "not a number" (the coach retyped every row); '1:15' could be hours or
    minutes and is refused with both readings."""
    import datetime as _dt

    r = read_sessions(write(tmp_path, f"Player,Date,Duration,RPE,Minutes played\n"
                                      f"A1,{day(1)},01:15:30,5,\nA2,{day(1)},1:35:00,7,01:30:00\n"), s)
    assert [(x.athlete, x.minutes, x.minutes_played) for x in r.sessions] == [
        ("A1", 75.5, None), ("A2", 95, 90)]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    ws.append(["Athlete ID", "Date", "Minutes", "RPE"])
    ws.append(["A1", day(1), _dt.time(1, 15), 5])
    ws.append(["A2", day(1), _dt.timedelta(hours=1, minutes=35), 5])
    ws["C3"].number_format = "[h]:mm:ss"
    wb.save(tmp_path / "log.xlsx")
    assert [x.minutes for x in read_sessions(tmp_path / "log.xlsx", s).sessions] == [75, 95]
    with pytest.raises(InputError) as e:  # 1:15 beside 75:30: 1 min 15 s, or 1 h 15 min?
        read_sessions(write(tmp_path, f"Player,Date,Duration,RPE\nA1,{day(1)},1:15,5\nA2,{day(1)},75:30,5\n"
                                      f"A3,{day(1)},1:15,5\n"), s)
    assert e.value.problems == [
        "rows 2, 4, Duration: '1:15' could be hours:minutes or minutes:seconds, as '75:30' (row 3) "
        "is; write the minutes as a number (75 if '1:15' is hours:minutes, 1.25 if "
        "minutes:seconds), or hours:minutes:seconds (01:15:00)"]
    assert not e.value.bad_rows()  # no leaving out of rows offered: a column to rewrite
    with pytest.raises(InputError) as e:  # a clock of 100 hours: too long, not "not a number"
        read_sessions(write(tmp_path, f"Player,Date,Duration,RPE\nA1,{day(1)},100:00:00,5\n"), s)
    assert e.value.problems[0] == (f"row 2 (A1, {day(1)}), Duration: 6000 is outside 0-600; write "
                                   f"the session's minutes")


def test_an_exports_h_mm_durations_are_read_as_hours_and_minutes_said_once(tmp_path, s):
    """A German Excel export writes its [h]:mm durations '1:15', '0:45': each row was refused
    ("write 75 if it is hours:minutes, or 1.25 if it is minutes:seconds"), and leaving the bad
    rows out left none. No session lasts 1 min 15 s: read as hours:minutes below 5 hours,
    minutes:seconds from 5 (90:00), one note for the column; 0:03 (3 minutes or 3 seconds, a
    session either way too short) is still refused at its row."""
    r = read_sessions(write(tmp_path, f"Spieler;Datum;Dauer;RPE;Spielminuten\nA1;{day(1)};1:15;5;\n"
                                      f"A2;{day(1)};0:45;3;\nA3;{day(1)};1:35;7;90\n"), s)
    assert [(x.athlete, x.minutes, x.minutes_played) for x in r.sessions] == [
        ("A1", 75, None), ("A2", 45, None), ("A3", 95, 90)]
    said = [n for n in r.notes if "hours:minutes" in n]
    assert said == ["'Dauer' holds durations as hours:minutes: '1:15' (row 2) read as 75 minutes"]
    r = read_sessions(write(tmp_path, f"Player,Date,Duration,RPE\nA1,{day(1)},90:00,5\n"
                                      f"A2,{day(1)},75:30,5\n"), s)
    assert [x.minutes for x in r.sessions] == [90, 75.5]
    assert "'Duration' holds durations as minutes:seconds: '90:00' (row 2) read as 90 minutes" in r.notes
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Player,Date,Duration,RPE\nA1,{day(1)},1:15,5\n"
                                      f"A2,{day(1)},0:03,5\n"), s)
    assert e.value.problems == [
        f"row 3 (A2, {day(1)}), Duration: '0:03' is a time, not a number of minutes: write 3 if it is "
        "hours:minutes, or 0.05 if it is minutes:seconds"]


def test_a_clock_is_read_by_what_its_column_proves_not_by_a_cut_at_5(tmp_path, s):
    """'1:15' was hours:minutes below 5 and minutes:seconds from 5, whatever the column: a
    substitute's 3:20 played was 200 minutes (refused, naming a value never typed), even beside a
    90:00 that proves minutes:seconds; drills of 4:30 and 3:45 were 4.5 and 3.75 hours; and a
    1:15 typed among numbers was said as a column of durations."""
    def log(text):
        return write(tmp_path, text.replace("@", str(day(1))))

    # (a) 90:00 proves minutes:seconds: the substitute's 3:20 beside it is 3 min 20 s
    r = read_sessions(log("Player,Date,Minutes,RPE,Minutes played\nA1,@,95,7,90:00\nA2,@,95,7,3:20\n"), s)
    assert [(x.athlete, x.minutes_played) for x in r.sessions] == [("A1", 90), ("A2", pytest.approx(10 / 3))]
    assert ("'Minutes played' holds durations as minutes:seconds: '90:00' (row 2) read as 90 "
            "minutes") in r.notes
    # (b) a played 3:20 alone is never hours:minutes: refused with both readings, not as 200
    with pytest.raises(InputError) as e:
        read_sessions(log("Player,Date,Minutes,RPE,Minutes played\nA2,@,95,7,3:20\n"), s)
    assert e.value.problems == [f"row 2 (A2, {day(1)}), Minutes played: '3:20' is a time, not a number of minutes: "
                                "write 200 if it is hours:minutes, or 3.333 if it is minutes:seconds"]
    # (c) drills of 4:30 and 3:45 in Minutes: 4:30 as hours is more than 4 hours, so neither is read
    with pytest.raises(InputError) as e:
        read_sessions(log("Player,Date,Minutes,RPE\nA1,@,4:30,5\nA2,@,3:45,5\n"), s)
    assert e.value.problems == [
        "rows 2, 3, Minutes: '4:30' and '3:45' could be hours:minutes or minutes:seconds, and "
        "'4:30' as hours:minutes is 270 minutes, more than 4 hours; write the minutes as a number "
        "(270 if '4:30' is hours:minutes, 4.5 if minutes:seconds), or hours:minutes:seconds (04:30:00)"]
    # (d) a clock among numbers: that cell is said, not the column
    r = read_sessions(log("Player,Date,Minutes,RPE\nA1,@,75,5\nA2,@,90,5\nA3,@,1:15,5\n"), s)
    assert [x.minutes for x in r.sessions] == [75, 90, 75]
    assert "'Minutes': '1:15' on row 4 read as 75 minutes (hours:minutes)" in r.notes
    assert not [n for n in r.notes if "holds durations" in n]


def test_two_exports_joined_into_one_file_say_the_repeated_header_once(tmp_path, s):
    """A second export pasted below the first (its byte-order mark and header too) gave four
    problems for the header row: 'Athlete ID' is no athlete, 'Date' no date..."""
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5\n"
                        f"\ufeffathlete id,Date,Minutes,RPE\nA2,{day(1)},60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == ["row 3: repeats the header (two exports joined into one file?); "
                                "delete the row"]


def test_a_name_exported_without_its_accents_is_the_one_athlete_so_named_and_said(tmp_path, s):
    """GPS units export 'Jose Muller' for José Müller: each of his rows was refused ("did you
    mean José Müller?"), the coach left to edit the export. Read when one athlete's name it is,
    and said; two athletes whose names differ only in accents still need the ID."""
    squad = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "José Müller"}),)
                                 + s.athletes[1:]})
    r = read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\nJose Muller,{day(1)},60,5\n"
                                      f"JOSE MULLER,{day(2)},60,5\n"), squad)
    assert [x.athlete for x in r.sessions] == ["A1", "A1"]
    assert "Names read without their accents: 'Jose Muller' as José Müller (A1), 'JOSE MULLER' as " \
           "José Müller (A1)" in r.notes
    twins = squad.model_copy(update={"athletes": squad.athletes + (Athlete(id="A4", name="Jose Muller"),
                                                                    Athlete(id="A5", name="Ana Núñez"),
                                                                    Athlete(id="A6", name="Ana Nunez"))})
    r = read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\nJose Muller,{day(1)},60,5\n"), twins)
    assert [x.athlete for x in r.sessions] == ["A4"]  # the name as written first
    with pytest.raises(InputError, match="'ANA NÚNEZ': two athletes share that name; use the ID"):
        read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\nANA NÚNEZ,{day(1)},60,5\n"), twins)


ASCII_SQUAD = ("Łukasz Wójcik", "Søren Ødegaard", "Ævar Þórsson", "N'Golo Kanté", "José-María Núñez")


def test_a_name_an_ascii_only_export_writes_is_the_one_athlete_so_named(tmp_path, s):
    """GPS exports without accents wrote "Lukasz Wojcik", "Soren Odegaard", "Aevar Thorsson",
    a phone "N’Golo Kanté" (U+2019) and "Jose Maria Nunez" for José-María Núñez: each refused,
    even read as proposed. The letters NFD leaves whole are read as their ASCII spelling, any
    apostrophe as ', a hyphen as a space; a spelling two athletes share still needs the ID."""
    base = season(weeks=4, athletes=5, today=day(14))
    squad = base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": n}) for a, n in zip(base.athletes, ASCII_SQUAD, strict=True))})
    written = ("Lukasz Wojcik", "SOREN ODEGAARD", "Aevar Thorsson", "N\u2019Golo Kanté",
               "Jose Maria Nunez")
    body = "".join(f"{w},{day(1)},60,5\n" for w in written)
    r = read_sessions(write(tmp_path, "Player,Date,Minutes,RPE\n" + body), squad)
    assert [x.athlete for x in r.sessions] == ["A1", "A2", "A3", "A4", "A5"]
    assert "'Lukasz Wojcik' as Łukasz Wójcik (A1)" in r.notes[-1]
    # an export's other spellings of a name are proposed with the same letters
    r = read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\nWOJCIK Lukasz,{day(1)},60,5\n"),
                      squad, as_proposed=True)
    assert [x.athlete for x in r.sessions] == ["A1"]
    twins = squad.model_copy(update={"athletes": squad.athletes + (Athlete(id="A6", name="Lukasz Wójcik"),)})
    with pytest.raises(InputError, match="'LUKASZ WOJCIK': two athletes share that name; use the ID"):
        read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\nLUKASZ WOJCIK,{day(1)},60,5\n"),
                      twins, as_proposed=True)
    r = read_sessions(write(tmp_path, f"Player,Date,Minutes,RPE\nLukasz Wójcik,{day(1)},60,5\n"), twins)
    assert [x.athlete for x in r.sessions] == ["A6"]  # the name as written first


def test_excels_sep_line_above_the_header_says_the_separator(tmp_path, s):
    """A CSV made for European Excel starts with "sep=;", which Excel reads and hides: it was
    refused as a title above the header. Rows keep the numbers Excel shows (the header row 1)."""
    p = tmp_path / "log.csv"
    p.write_bytes(f"\ufeffsep=;\r\nAthlete ID;Date;Minutes;RPE\r\nA1;{day(1)};75;6,5\r\n".encode())
    r = read_sessions(p, s)
    assert [(x.athlete, x.minutes, x.rpe) for x in r.sessions] == [("A1", 75, 6.5)]
    p.write_bytes(f"sep=;\nAthlete ID;Date;Minutes;RPE\nA1;{day(1)};75;6\nA2;{day(1)};75;16\n".encode())
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert [x.split(":")[0] for x in e.value.problems] == [f"row 3 (A2, {day(1)}), RPE"]
    p.write_bytes(b"sep=;\r\n")  # nothing below it: not "line 1 is blank"
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems[0].startswith("holds only Excel's 'sep=;' line; export the log again")


def test_a_reports_total_and_average_rows_are_one_line_each(tmp_path, s):
    """A GPS report's 'Total' and 'Team average' rows under the sessions gave three problems
    each ('Total' is no athlete, its date and RPE missing)."""
    p = write(tmp_path, f"Player,Date,Duration,RPE\nAnn Ash,{day(1)},60,5\nTotal,,60,\n"
                        f"Team Average:,,60,5\nTotalx,{day(1)},60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        "row 3: 'Total' is a summary of the rows, not a session; delete the row",
        "row 4: 'Team Average:' is a summary of the rows, not a session; delete the row",
        "row 5, Player: 'Totalx': no athlete has that ID or name (IDs: A1, A2, A3)"]


def test_a_years_export_with_last_seasons_sessions_is_one_line_and_a_date_outside_says_the_fix(tmp_path, s):
    """An export of the whole year listed each of last season's rows (up to 200 lines), and a
    date outside the season said no fix."""
    early = "".join(f"A1,{day(-60 - k)},60,5\n" for k in range(10))
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\n{early}A2,{day(1)},60,5\n"), s)
    (problem,) = e.value.problems
    first = day(-28).isoformat()
    assert problem == (f"10 rows (the first: row 2, Date) are dated {day(-69).isoformat()} to "
                       f"{day(-60).isoformat()}, before {first} (the four weeks before the season, "
                       f"which count, start then); leave them out of the log (or check the year)")
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(-60)},60,5\n"), s)
    assert e.value.problems[0].endswith("; check the date (the year?), or leave the row out")


def test_empty_fields_after_the_last_column_are_read_without_a_word(tmp_path, s, recwarn):
    """A row ending in empty separators ('A1;...;5;;;', as some exports end every row) was
    refused as 'has 7 fields but the header has 4'; nothing is shifted by them."""
    p = write(tmp_path, f"Athlete ID;Date;Minutes;RPE\nA1;{day(1)};60;5;;;\nA2;{day(1)};60;6\n"
                        f"A3;{day(1)};60;7; \n")
    r = read_sessions(p, s)
    assert [(x.athlete, x.rpe, x.note) for x in r.sessions] == [("A1", 5, ""), ("A2", 6, ""), ("A3", 7, "")]
    assert not [w for w in recwarn if "loss of data" in str(w.message)]  # pandas' warning is not shown
    with pytest.raises(InputError, match="row 2 has 5 fields but the header has 4"):
        read_sessions(write(tmp_path, f"Athlete ID;Date;Minutes;RPE\nA1;{day(1)};60;5;x\n"), s)


def test_an_exports_not_measured_mark_is_empty_where_a_value_is_optional(tmp_path, s):
    """'-' or 'N/A' for a top speed or pain not measured (as GPS exports write them) was refused
    row by row; in Minutes or RPE, which every session has, it still is, as missing."""
    r = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %,Pain,Minutes played\n"
                                      f"A1,{day(1)},60,5,-,N/A,--\nA2,{day(1)},60,5,92,?,\n"), s)
    assert [(x.top_speed_pct, x.pain, x.minutes_played) for x in r.sessions] == [(None, None, None),
                                                                                 (92, None, None)]
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},-,n/a\n"), s)
    assert [x.split(":")[:2] for x in e.value.problems] == [
        [f"row 2 (A1, {day(1)}), Minutes", " missing; write the session's minutes, or 0 minutes and "
                                           "RPE 0 for a day without training"],
        [f"row 2 (A1, {day(1)}), RPE", " missing; write the session RPE (0-10), or 0 minutes and "
                                       "RPE 0 for a day without training"]]


def test_a_gps_exports_total_duration_is_the_minutes(tmp_path, s):
    """'Total Duration' (01:15:00) and 'Total Time', as GPS units head a session's length, were
    "no column for Minutes"."""
    for head in ("Total Duration", "Total Time"):
        r = read_sessions(write(tmp_path, f"Player Name,Session Date,{head},Session RPE\n"
                                          f"Ann Ash,{day(1)},01:15:00,5\n"), s)
        assert [(x.athlete, x.minutes) for x in r.sessions] == [("A1", 75)]
        assert r.mapping["minutes"] == head
    # 'Session Time' is the start in some exports (09:30:00 would be 570 minutes): not the minutes
    r = read_sessions(write(tmp_path, f"Player Name,Session Date,Session Time,Duration,Session RPE\n"
                                      f"Ann Ash,{day(1)},09:30:00,75,5\n"), s)
    assert [(x.athlete, x.minutes) for x in r.sessions] == [("A1", 75)]


def test_a_top_speed_in_ms_needs_the_max_speed_and_at_most_ten_percent_above_it(tmp_path, s):
    fast = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"max_speed": 9.0}),)
                                + s.athletes[1:]})
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed m/s\n"
                                      f"A1,{day(1)},60,5,8.8\nA1,{day(2)},60,5,10.5\n"), fast)
    (problem,) = e.value.problems
    assert problem.startswith(f"row 3 (A1, {day(2)}), Top speed m/s: 10.5 m/s is more than 10 % above")


def test_a_top_speed_in_percent_and_in_ms_that_disagree_are_refused_not_one_picked(tmp_path, s):
    """A GPS export's % may be of the unit's own top speed: 50 % and 8.1 m/s (90 % of Ann Ash's
    9.0 m/s) cannot both be true, and the % alone used to count. Within 5 points they agree."""
    path = write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %,Top speed m/s\n"
                           f"A1,{day(1)},60,5,50,8.1\nA1,{day(2)},60,5,88,8.1\n")
    with pytest.raises(InputError) as e:
        read_sessions(path, s)
    (problem,) = e.value.problems
    assert problem == (f"row 2 (A1, {day(1)}), Top speed %: 50 % disagrees with Top speed m/s (8.1 m/s is 90 % of "
                       "Ann Ash (A1)'s max speed, 9 m/s); correct one of them, or keep one of the "
                       "two columns")
    ok = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %,Top speed m/s\n"
                                       f"A1,{day(2)},60,5,88,8.1\n", "ok.csv"), s)
    assert [(x.top_speed_pct, x.top_speed_ms) for x in ok.sessions] == [(88.0, 8.1)]


def test_a_note_longer_than_the_workbook_allows_is_refused_not_cut(tmp_path, s):
    note = "x" * 199 + "END-OF-NOTE"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Note\nA1,{day(1)},60,5,{note}\n"
                                      f"A1,{day(2)},60,5,{'y' * 200}\n"), s)
    assert e.value.problems == [f"row 2 (A1, {day(1)}), Note: is 210 characters long; at most 200 are allowed, "
                                "shorten it"]


def test_a_log_running_past_today_is_one_line_and_the_count_is_true(tmp_path, s):
    """A whole season's export read with today in October: one line says how many rows are
    after today and which dates, instead of a line per row; a long list says its true total."""
    rows = "".join(f"A1,{day(i)},60,5\n" for i in range(0, 28))  # today is day 14
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + rows), s)
    assert len(e.value.problems) == 1
    assert e.value.problems[0].startswith("13 rows (the first: row 17, Date) are dated after today")
    assert f"{day(15)} to {day(27)}" in e.value.problems[0]
    bad = "".join(f"A1,{day(1 + i % 14)},5,{11 + i % 3}\n" for i in range(250))  # RPE out of range
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + bad), s)
    assert len(e.value.problems) == 200 and e.value.more == 50
    assert "250 problems (the first 200):" in str(e.value) and "... and 50 more" in str(e.value)


def test_a_row_with_more_fields_than_the_header_is_named_not_shifted(tmp_path, s):
    """pandas would take the first field of such a row as its index and blame the wrong columns
    ("Athlete ID: '60'")."""
    text = f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5,extra,extra\nA1,{day(2)},60,5\n"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert e.value.problems == ["row 2 has 6 fields but the header has 4: remove the extra "
                                "separators, or put a note that holds a ',' in quotes"]


def test_a_csv_that_is_not_utf8_names_the_fix(tmp_path, s):
    p = tmp_path / "log.csv"
    p.write_bytes(f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5\n".encode("utf-16-le"))
    with pytest.raises(InputError, match=r"not UTF-8; save it again as 'CSV UTF-8'"):
        read_sessions(p, s)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("sep", [",", "\t", ";"])
def test_a_utf16_csv_with_its_byte_order_mark_is_read_and_said(tmp_path, umlauts, encoding, sep):
    """Excel's "Unicode text" (tab separated) and a portal's UTF-16 CSV were refused ("save it
    again as 'CSV UTF-8'") though the BOM says the encoding exactly: read, and said."""
    from planner.logfile import UTF16_NOTE, WINDOWS_NOTE

    rows = [["Player", "Date", "Duration", "RPE", "Notes"],
            ["Jörg Müller", "05.01.2027", "72,5" if sep == ";" else "72.5", "6", "Fuß gut"],
            ["Łukasz Wójcik", "06.01.2027", "60", "5", "佐 ok"]]
    text = "".join(sep.join(r) + "\r\n" for r in rows)
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    p = tmp_path / "log.csv"
    p.write_bytes(bom + text.encode(encoding))
    r = read_sessions(p, umlauts)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.note) for x in r.sessions] == [
        ("A1", day(1), 72.5, 6, "Fuß gut"), ("A3", day(2), 60, 5, "佐 ok")]
    assert r.notes[0] == UTF16_NOTE and WINDOWS_NOTE not in r.notes
    # the same rows in UTF-8: the same sessions, and no note of an encoding
    p.write_bytes(text.encode("utf-8"))
    utf8 = read_sessions(p, umlauts)
    assert utf8.sessions == r.sessions and UTF16_NOTE not in utf8.notes


def test_a_utf16_csv_cut_short_is_refused_with_the_fix(tmp_path, s):
    p = tmp_path / "log.csv"
    p.write_bytes(f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5\n".encode("utf-16")[:-1])
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == ["is UTF-16 text (Excel's 'Unicode text') that is cut short or "
                                "damaged; export it again, or save it as 'CSV UTF-8' (Excel: "
                                "File ▸ Save As)"]


def test_a_top_speed_of_0_ms_says_to_leave_the_cell_empty(tmp_path, s):
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed m/s\nA1,{day(1)},60,5,0\n"), s)
    assert e.value.problems == [f"row 2 (A1, {day(1)}), Top speed m/s: 0 m/s is no top speed; leave "
                                "the cell empty when no speed was measured"]


def test_columns_not_read_are_named_and_an_excel_log_names_its_sheet(tmp_path, s):
    """A repeated column or a speed of the GPS system's own max would be dropped without a word
    (a repeated column of a value the log reads is refused:
    test_two_columns_for_one_value_are_refused_not_one_picked; one in mph refuses the log:
    test_a_top_speed_in_mph_is_refused_naming_the_unit)."""
    text = f"Athlete ID,Date,Minutes,RPE,Note,Note,Max Vel (% Max)\nA1,{day(1)},60,5,a,b,19\n"
    result = read_sessions(write(tmp_path, text), s)
    assert ("Not read: a second 'Note' (not a column Periodize knows, or a repeated one; the "
            "column names are in the README, \"File formats\", and docs/file-format.md, \"The "
            "session log\")") in result.text()
    # where the line sends a coach: the README's list and the session log's own section name them
    formats = readme_section("File formats")
    log = re.search(r"^## The session log\b.*?\n(.*?)^## ", (ROOT / "docs" / "file-format.md")
                    .read_text(encoding="utf-8"), flags=re.S | re.M)
    assert log, "docs/file-format.md has no section 'The session log'"
    for text in (formats, log.group(1)):
        assert all(f"`{LABEL[k]}`" in text for k in ("athlete", "date", "minutes", "rpe", "top_pct",
                                                     "top_ms", "played", "pain", "note"))
    assert result.text().startswith("'Max Vel (% Max)' looks like a top speed but was not read")
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    wb.active.append(["My club", None])
    wb.active.append([None, "x"])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(InputError) as e:
        read_sessions(tmp_path / "other.xlsx", s)
    # the path given, as every other message of the log names it
    assert str(e.value).startswith(f"{tmp_path / 'other.xlsx'}, sheet Cover: no column for Athlete ID")
    assert "'My club', column 2 (no header)" in str(e.value)


def test_with_today_before_the_season_the_message_names_both_dates(tmp_path, s):
    early = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(-20)})})
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},60,5\n"), early)
    assert (f"is after the season start ({day(0)}; today, {day(-20)}, is before it)"
            in e.value.problems[0])


def test_a_value_that_is_no_number_says_what_to_write(tmp_path, s):
    text = f"Athlete ID,Date,Minutes,RPE,Pain\nA1,{day(1)},ninety,5,sore\n"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert e.value.problems == [
        f"row 2 (A1, {day(1)}), Minutes: 'ninety' is not a number; write the session's minutes, "
        f"or 0 minutes and RPE 0 for a day without training",
        f"row 2 (A1, {day(1)}), Pain: 'sore' is not a number; write pain on a 0-10 scale, or "
        "leave the cell empty"]


def test_many_long_rows_are_counted_truly(tmp_path, s):
    text = "Athlete ID,Date,Minutes,RPE\n" + "".join(f"A1,{day(1)},60,5,x\n" for _ in range(15))
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert len(e.value.problems) == 10 and e.value.more == 5
    assert str(e.value).startswith(f"{tmp_path / 'log.csv'}: 15 problems (the first 10):")


def test_a_name_typed_almost_right_is_named_with_its_id(tmp_path, s):
    p = write(tmp_path, f"Player,Date,Minutes,RPE\nBo Birc,{day(1)},60,5\nZed Zulu,{day(1)},60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    msg = str(e.value)
    assert "row 2, Player: 'Bo Birc': no athlete has that ID or name; did you mean Bo Birch (A2)?" in msg
    assert "row 3, Player: 'Zed Zulu': no athlete has that ID or name (IDs: A1, A2, A3)" in msg


def test_an_srpe_column_with_a_day_off_and_junk_after_a_date(tmp_path, s):
    """A 0-minute row in an 'sRPE' column of loads crashed (RPE = load / 0 minutes); a date
    followed by junk was read from its first ten characters."""
    p = write(tmp_path, f"Player,Date,Duration,sRPE\nA1,{day(1)},60,300\nA2,{day(1)},0,0\n")
    r = read_sessions(p, s)
    assert [(x.minutes, x.rpe) for x in r.sessions] == [(60, 5), (0, 0)]
    p = write(tmp_path, f"Player,Date,Duration,sRPE\nA1,{day(1)},60,300\nA2,{day(1)},0,200\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert f"row 3 (A2, {day(1)}), sRPE: a load of 200 in 0 minutes" in str(e.value)
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)}abc,60,5\nA1,{day(2)}12,60,5\n"
                        f"A1,{day(3)} to {day(4)},60,5\nA1,{day(3)} 09:30,60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    msg = str(e.value)
    assert "row 2, Date" in msg and "row 3, Date" in msg and "row 4, Date" in msg
    assert "row 5" not in msg  # a start time after the date is fine


@pytest.mark.parametrize("header, row, said", [
    ("Athlete ID,Date,Minutes,RPE,RPE", "A1,{d},75,5,9", "two columns could be RPE: 'RPE' and a second 'RPE'"),
    ("Athlete ID,Date,Minutes,Duration,RPE", "A1,{d},75,20,5",
     "two columns could be Minutes: 'Minutes' and 'Duration'"),
])
def test_two_columns_for_one_value_are_refused_not_one_picked(tmp_path, s, header, row, said):
    """Which of two disagreeing columns is meant cannot be guessed: the file is refused."""
    p = write(tmp_path, f"{header}\n{row.format(d=day(1))}\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert said in str(e.value) and "keep one" in str(e.value)


def test_an_rpe_and_its_srpe_or_a_column_repeated_with_the_same_values_are_read(tmp_path, s):
    """Monitoring exports give the RPE and the sRPE (its load) side by side: the RPE is read;
    a column exported twice with the same values has nothing to choose between."""
    p = write(tmp_path, f"Player,Date,Duration,RPE,sRPE\nA1,{day(1)},60,5,300\n")
    r = read_sessions(p, s)
    assert [(x.minutes, x.rpe) for x in r.sessions] == [(60, 5)] and r.mapping["rpe"] == "RPE"
    assert "Not read: 'sRPE'" in r.text()
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE,RPE\nA1,{day(1)},60,5,5\n")
    assert [(x.minutes, x.rpe) for x in read_sessions(p, s).sessions] == [(60, 5)]


def test_an_id_and_a_name_column_are_not_two_athletes(tmp_path, s):
    p = write(tmp_path, f"Athlete ID,Name,Date,Minutes,RPE\nA1,Ann Ash,{day(1)},75,5\n")
    (x,) = read_sessions(p, s).sessions
    assert x.athlete == "A1"


def _refusal(tmp_path, s, text: str) -> str:
    """The message a log of ``text`` is refused with."""
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    return str(e.value)


def test_an_srpe_column_of_loads_with_one_rpe_among_them_is_refused(tmp_path, s):
    """One row's 5 among loads would be divided by its 60 minutes into RPE 0.08."""
    msg = _refusal(tmp_path, s, f"Player,Date,Duration,sRPE\nA1,{day(1)},75,375\nA2,{day(1)},60,5\n"
                                f"A3,{day(1)},5,10\n")
    assert f"row 3 (A2, {day(1)}), sRPE: 5 reads as an RPE" in msg and "(row 2: 375)" in msg
    assert "row 4" not in msg  # 5 minutes at a load of 10 is RPE 2: a load


def test_an_athletes_day_longer_than_a_day_is_refused(tmp_path, s):
    msg = _refusal(tmp_path, s, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},600,5\nA1,{day(1)},600,5\n"
                                f"A1,{day(1)},600,5\nA2,{day(1)},600,5\nA1,{day(2)},600,5\n")
    assert f"A1's sessions on {day(1).isoformat()} (rows 2, 3, 4) add up to 1800 minutes" in msg
    assert "A2's" not in msg and day(2).isoformat() not in msg


def test_a_day_over_full_only_by_repeated_rows_says_to_remove_them(tmp_path, s):
    """Review 259: a week's export pasted over and over read "add up to 5550 minutes, more than a
    day has; correct the minutes (60, not 600?)", though no minutes were wrong: the rows repeat
    one session cell for cell, and the fix is to remove them, named."""
    week = f"A1,{day(1)},75,5\nA2,{day(1)},60,6\n"
    msg = _refusal(tmp_path, s, "Athlete ID,Date,Minutes,RPE\n" + week * 20)
    assert (f"row 2, Minutes: A1's sessions on {day(1).isoformat()} (rows 2, 4, 6, 8, 10, 12) add "
            f"up to 1500 minutes, more than a day has: rows 4, 6, 8, 10, 12, 14 and 13 more repeat "
            f"row 2 cell for cell, the same session again; remove the repeated rows") in msg
    assert "60, not 600" not in msg and "A2's" not in msg  # 20 x 60 fits in a day
    # different sessions over a day: the minutes are what is wrong
    msg = _refusal(tmp_path, s, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},600,5\n"
                                f"A1,{day(1)},600,6\nA1,{day(1)},600,7\n")
    assert "correct the minutes (60, not 600?)" in msg and "repeat" not in msg


def _book(tmp_path, sheets: dict, hidden_sheet: str | None = None, hide_rows=()) -> object:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        if title == hidden_sheet:
            ws.sheet_state = "hidden"
        for n in hide_rows:
            ws.row_dimensions[n].hidden = True
    p = tmp_path / "log.xlsx"
    wb.save(p)
    return p


HEAD = ["Athlete ID", "Date", "Minutes", "RPE"]


def test_a_workbook_log_is_read_from_the_sheet_that_holds_it_and_says_which(tmp_path, s):
    """The first sheet was read whatever it held; now the first visible sheet with the log's
    header (or the one named Sessions), named in the notes."""
    p = _book(tmp_path, {"Info": [["Exported by the GPS"]], "Data": [HEAD, ["A1", day(1), 60, 5]]})
    r = read_sessions(p, s)
    assert len(r.sessions) == 1
    assert "Read sheet 'Data' of 2 (Info, Data); name the log's sheet 'Sessions'" in r.text()
    p = _book(tmp_path, {"Sessions": [HEAD, ["A1", day(1), 60, 5]], "Visible": [HEAD]},
              hidden_sheet="Sessions")
    assert "Read sheet 'Sessions' (hidden) of 2 (Sessions (hidden), Visible)" in read_sessions(p, s).text()
    p = _book(tmp_path, {"Sessions": [HEAD, ["A1", day(1), 60, 5]]})
    assert "Read sheet" not in read_sessions(p, s).text()  # one sheet: nothing to say


def test_a_title_above_a_workbooks_header_gives_the_headers_row(tmp_path, s):
    p = _book(tmp_path, {"Sessions": [["GPS export week 44"], [], HEAD, ["A1", day(1), 60, 5]]})
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        "row 1 is not the header (it reads 'GPS export week 44'); the header is row 3: delete the "
        "rows above it, so that the first row names the columns: Athlete ID, Date, Minutes, RPE "
        "(and optionally Top speed %, Top speed m/s, Minutes played, Pain, Note)"]


def test_rows_hidden_in_excel_are_read_and_said(tmp_path, s):
    p = _book(tmp_path, {"Sessions": [HEAD, ["A1", day(1), 60, 5], ["A2", day(1), 60, 5],
                                      ["A3", day(1), 60, 5]]}, hide_rows=(3,))
    r = read_sessions(p, s)
    assert len(r.sessions) == 3
    assert "Rows hidden in Excel (or filtered out) were read too: 3" in r.text()


@pytest.mark.parametrize("data, said", [
    ("Athlete ID,Date,Minutes,RPE\n".encode("utf-16-le"),  # no BOM: the byte order a guess
     "is UTF-16 text (Excel's 'Unicode text') without the mark that says its byte order"),
    ('{"schema_version": 5}'.encode("utf-16"), "it is a JSON file (a season file?)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "is not a CSV file: it is a PNG image"),
    (b"PK\x03\x04" + bytes(64), "an Excel workbook is one: if it is, name it .xlsx"),
])
def test_a_file_that_is_not_utf8_text_is_named_for_what_it_is(tmp_path, s, data, said):
    """UTF-16 without a BOM read as columns 'A\\x00t\\x00h...', a picture as "not UTF-8 text"."""
    p = tmp_path / "log.csv"
    p.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(said)):
        read_sessions(p, s)


@pytest.mark.parametrize("data", [
    b'{\n  "schema_version": 5,\n  "name": "Riverside, 2026/27",\n  "athletes": []\n}\n',
    b'\xef\xbb\xbf  [\n {"athlete": "A1", "date": "2027-01-05"}\n]\n',
])
def test_a_json_file_given_as_a_log_is_named_for_what_it_is(tmp_path, s, data):
    """A season file copied to wrong.csv read "row 353 has 2 fields but the header has 1: remove
    the extra separators …", a CSV reader's words for a file that is no CSV at all."""
    (tmp_path / "logs").mkdir()
    p = tmp_path / "logs" / "wrong.csv"
    p.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    first = data.removeprefix(b"\xef\xbb\xbf").strip()[:1].decode()
    assert str(e.value) == (f"{p}: starts with '{first}': it is a JSON file (a season file?), not "
                            f"a session log; give the log your GPS or monitoring system exports, "
                            f"as CSV or XLSX")


def test_a_log_is_named_by_the_path_given_in_every_message(tmp_path, s, monkeypatch):
    """'logs/dup.csv: …' in one message and 'rpe11.csv: 7 problems' in the next, for the same
    folder: the rows' problems named the file by its base name only."""
    (tmp_path / "logs").mkdir()
    monkeypatch.chdir(tmp_path)
    Path("logs/rpe11.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,11\n"
                                      f"A1,{day(2)},60,12\n")
    with pytest.raises(InputError) as e:
        read_sessions("logs/rpe11.csv", s)
    assert str(e.value).startswith("logs/rpe11.csv: 2 problems:"), str(e.value)


def test_a_file_neither_utf8_nor_windows_text_names_the_line_that_is_not_utf8(tmp_path, s):
    """DOS text (cp437: "ü" is the byte 0x81, which Windows text leaves undefined)."""
    rows = ["Athlete ID,Date,Minutes,RPE,Note"] + [f"A1,{day(1)},60,5,ok" for _ in range(5000)]
    p = tmp_path / "log.csv"
    p.write_bytes(("\n".join(rows) + f"\nA2,{day(2)},60,5,Müller\n").encode("cp437"))
    with pytest.raises(InputError, match=re.escape("line 5002 (at 'A2,2027-01-06,60,5,M\ufffdller') is "
                                                   "not UTF-8 text; save it again as 'CSV UTF-8'")):
        read_sessions(p, s)


def test_a_byte_not_utf8_is_placed_and_shown_as_a_season_file_shows_it(tmp_path, s):
    """The log said the line of such a byte counting a UTF-8 byte-order mark as text ("line 1"
    for a byte at the start of line 2), and showed the line's first 40 characters, which left
    out a byte in a long note; it now says what a season file says (planner.text.not_utf8_place):
    the line, and the text around the byte."""
    note = "Felt tight after the warm-up, physio had a look at the " + "ü"
    head = "Athlete ID,Date,Minutes,RPE,Note\n"
    p = tmp_path / "log.csv"
    p.write_bytes(b"\xef\xbb\xbf" + f"{head}\u00fcA1,{day(1)},60,5,ok\n".encode("cp437"))
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems[0].startswith(f"cannot be read as CSV: line 2 (at '\ufffdA1,{day(1)}"), \
        e.value.problems
    p.write_bytes(f"{head}A1,{day(1)},60,5,{note}\n".encode("cp437"))
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    (problem,) = e.value.problems
    assert problem.startswith("cannot be read as CSV: line 2 (at '") and "had a look at the \ufffd'" \
        in problem, problem
    assert problem.endswith("is not UTF-8 text; save it again as 'CSV UTF-8' (Excel: File ▸ Save As)")


def test_a_utf8_file_by_its_mark_with_a_windows_byte_names_that_line(tmp_path, s):
    """A log saved as UTF-8 (with Excel's byte-order mark) and a note pasted in as Windows text
    was read as Windows text: its first header became 'ï»¿Athlete ID' and the file was refused
    for a column it has. The mark says UTF-8: the line with the byte that is not is named."""
    p = tmp_path / "log.csv"
    p.write_bytes(b"\xef\xbb\xbf" + f"Athlete ID,Date,Minutes,RPE,Note\nA1,{day(1)},60,5,caf".encode()
                  + b"\xe9\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    (problem,) = e.value.problems
    assert problem.startswith(f"cannot be read as CSV: line 2 (at 'A1,{day(1)},60,5,café')") and \
        problem.endswith("is not UTF-8 text; save it again as 'CSV UTF-8' (Excel: File ▸ Save As)"), problem


def test_a_binary_file_is_not_read_as_windows_text(tmp_path, s):
    """Bytes Windows text defines, but control characters no spreadsheet writes: no CSV."""
    p = tmp_path / "log.csv"
    p.write_bytes(b"Athlete ID,Date,Minutes,RPE\nA1,\x01\x02\xe9\x03\x1b\xc4,60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    (problem,) = e.value.problems
    assert problem.startswith("cannot be read as CSV: line 2 (at 'A1,") and problem.endswith(
        "is not UTF-8 text; save it again as 'CSV UTF-8' (Excel: File ▸ Save As)")


@pytest.fixture
def umlauts(s):
    return s.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": n}) for a, n in
        zip(s.athletes, ("Jörg Müller", "Zoë Ängström", "Łukasz Wójcik"), strict=True))})


def test_a_windows_text_csv_is_read_and_said(tmp_path, umlauts):
    """German Excel's "CSV (Trennzeichen-getrennt)" is Windows text (cp1252): it was refused
    as "not UTF-8 text; save it again as 'CSV UTF-8'" every week. Its ä, ö, ü read right, said."""
    from planner.logfile import WINDOWS_NOTE

    p = tmp_path / "log.csv"
    p.write_bytes("sep=;\r\nSpieler;Datum;Durée;RPE;Höchstgeschwindigkeit (km/h);Bemerkung\r\n"
                  "Jörg Müller;05.01.2027;72,5;6,5;32,4;\"Sprint; Fuß gut\"\r\n"
                  "Zoë Ängström;06.01.2027;60;5;31,5;Übung\r\n".encode("cp1252"))
    r = read_sessions(p, umlauts)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.note) for x in r.sessions] == [
        ("A1", day(1), 72.5, 6.5, "Sprint; Fuß gut"), ("A2", day(2), 60, 5, "Übung")]
    assert [x.top_speed_ms for x in r.sessions] == [pytest.approx(9.0), pytest.approx(8.75)]
    assert r.mapping["minutes"] == "Durée" and WINDOWS_NOTE in r.notes
    # a UTF-8 file is not said to be Windows text
    p.write_bytes(p.read_bytes().decode("cp1252").encode("utf-8"))
    assert WINDOWS_NOTE not in read_sessions(p, umlauts).notes


def test_a_windows_text_csv_says_its_rows_as_a_utf8_one_does(tmp_path, umlauts):
    """A Windows text file's rows are checked and numbered as a UTF-8 one's: a row with more
    fields than the header (the header's é read in the file's encoding)."""
    p = tmp_path / "log.csv"
    p.write_bytes("Joueur;Date;Durée;RPE\r\nJörg Müller;05.01.2027;60;5\r\n"
                  "Zoë Ängström;06.01.2027;60;5;trop;là\r\n".encode("cp1252"))
    with pytest.raises(InputError) as e:
        read_sessions(p, umlauts)
    assert e.value.problems == ["row 3 has 6 fields but the header has 4: remove the extra "
                                "separators, or put a note that holds a ';' in quotes"]


def test_a_name_excel_could_not_save_as_windows_text_is_refused_and_said_why(tmp_path, umlauts):
    """Excel writes Ł as '?' in Windows text: the name is refused as no athlete, and the note
    says why it holds a '?' and how to keep it."""
    from planner.logfile import WINDOWS_NOTE

    p = tmp_path / "log.csv"
    p.write_bytes("Athlet;Datum;Minuten;RPE\r\nJörg Müller;05.01.2027;60;5\r\n"
                  "Łukasz Wójcik;06.01.2027;60;5\r\n".encode("cp1252", errors="replace"))
    with pytest.raises(InputError) as e:
        read_sessions(p, umlauts)
    assert e.value.problems == ["row 3, Athlet: '?ukasz Wójcik': no athlete has that ID or name; "
                                "did you mean Łukasz Wójcik (A3)?"]
    assert e.value.note.startswith(WINDOWS_NOTE + ". ")


def test_a_value_just_above_its_range_is_not_written_as_the_bound():
    from planner.sessionlog import limit_problem

    assert limit_problem("rpe", 10.0000001).startswith("10.0000001 is outside 0-10")


def test_a_top_speed_in_km_h_under_a_m_s_header_is_said_to_be_km_h_perhaps():
    """A "Max Velocity" column of 32 is read as m/s (over 16.5): the message says how to name a
    km/h column; a value no km/h could be gets no such hint. A huge number is written short."""
    from planner.rules import plain
    from planner.sessionlog import limit_problem

    assert limit_problem("top_ms", 32) == ("32 is outside 0-16.5; write top speed in m/s (if the "
                                           "column is in km/h, name it 'Top speed km/h')")
    assert "km/h" not in limit_problem("top_ms", 70)
    assert plain(1e308) == "1e+308" and plain(1000000) == "1000000" and plain(1.3) == "1.3"


def test_a_pipe_is_refused_not_read_forever(tmp_path, s):
    import os

    fifo = tmp_path / "log.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file"):
        read_sessions(fifo, s)


def test_a_top_speed_in_km_h_out_of_range_is_said_in_km_h(tmp_path, s):
    """80 in a km/h column read '22.2222222222 is outside 0-16.5; write top speed in m/s'."""
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE,Max Velocity (km/h)\n"
                        f"A1,{day(1)},60,5,80\nA1,{day(2)},60,5,0\nA1,{day(3)},60,5,30.6\n"
                        f"A1,{day(4)},60,5,40\n")
    with pytest.raises(InputError) as err:
        read_sessions(p, s)
    assert err.value.problems == [
        f"row 2 (A1, {day(1)}), Max Velocity (km/h): 80 is outside 0-59.4; write top speed in km/h",
        f"row 3 (A1, {day(2)}), Max Velocity (km/h): 0 km/h is no top speed; leave the cell empty "
        "when no speed was measured",
        f"row 5 (A1, {day(4)}), Max Velocity (km/h): 40 km/h = 11.11 m/s is more than 10 % above Ann Ash (A1)'s "
        "max speed (9 m/s: at most 9.9 m/s); check the value or update the max speed"]


def test_a_plan_workbook_given_as_the_log_is_named_as_one(tmp_path, s):
    """A plan workbook exported by Periodize read as a log said "sheet Cover: no column for
    Athlete ID …" and not what the file is."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    wb.active.append(["Riverside FC 2026/27: training plan"])
    for title in ("Overview", "Returns", "Calendar", "Load", "A01"):
        wb.create_sheet(title).append(["Athlete", "Week", "Planned load"])
    wb.save(tmp_path / "plan.xlsx")
    with pytest.raises(InputError) as e:
        read_sessions(tmp_path / "plan.xlsx", s)
    assert "plan.xlsx: is a plan workbook exported by Periodize" in str(e.value)
    assert "not a session log" in str(e.value)


def test_a_top_speed_above_the_max_on_record_is_read_and_said(tmp_path, s):
    """Isaac logged 35.0 km/h against a max of 34.9: read (within 10 %) and never questioned,
    although a new max makes every percentage of his read lower."""
    p = write(tmp_path, "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                        f"Ann Ash,{day(5)},60,6,33.1\nAnn Ash,{day(6)},60,6,32.9\n"
                        f"Bo Birch,{day(5)},60,6,32.0\nCy Cedar,{day(6)},60,6,32.4\n")
    r = read_sessions(p, s)
    assert len(r.sessions) == 4
    (note,) = [n for n in r.notes if n.startswith("Faster than the max speed on record")]
    assert note.startswith("Faster than the max speed on record by more than 1 %: Ann Ash (A1) "
                           f"33.1 km/h on {day(5):%-d %b} (max 32.4 km/h). A new max?")
    assert "Bo Birch" not in note and "Cy Cedar" not in note  # at or under their max


def test_a_top_speed_above_the_max_is_said_for_the_rows_the_import_adds_only(tmp_path, s):
    """A whole season's export imported every week said the same 15 Aug "Faster than the max
    speed on record" every week, for rows already in the season (counted once): only the rows
    the import adds are news."""
    head = "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
    first = f"Ann Ash,{day(5)},60,6,33.1\nBo Birch,{day(5)},60,6,32.0\n"
    p = write(tmp_path, head + first)
    s = s.model_copy(update={"sessions": tuple(read_sessions(p, s).sessions)})
    p = write(tmp_path, head + first + f"Ann Ash,{day(7)},60,6,33.0\n")
    r = read_sessions(p, s)
    assert [x.date for x in r.sessions] == [day(7)] and len(r.already) == 2
    (note,) = [n for n in r.notes if n.startswith("Faster than the max speed on record")]
    assert note.startswith(f"Faster than the max speed on record by more than 1 %: Ann Ash (A1) "
                           f"33.0 km/h on {day(7):%-d %b} (max 32.4 km/h)."), note
    p = write(tmp_path, head + first)  # nothing new: nothing to say
    assert not [n for n in read_sessions(p, s).notes if n.startswith("Faster than the max")]


def test_a_top_speed_within_1_pct_of_the_max_on_record_is_not_said_and_the_note_says_where_to_update(tmp_path, s):
    """The same five players were "faster than the max speed on record" every week by 0.1 km/h
    (33.2 km/h against 33.1): less than a GPS unit's own variation, and a percentage read against
    that max moves by 0.3 %, no level's band; the note said "Update it in the squad" without
    where. A top speed more than 1 % above the max is said, with the place and what to type.
    (A max of 32.8 km/h is stored as 9.11 m/s, 32.796 km/h: 32.8 km/h is not faster either.)"""
    s = s.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.11}) if a.id == "A2" else a for a in s.athletes)})
    p = write(tmp_path, "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                        f"Bo Birch,{day(5)},60,6,32.8\nBo Birch,{day(6)},60,6,33.1\n")
    r = read_sessions(p, s)
    assert len(r.sessions) == 2
    assert not [n for n in r.notes if n.startswith("Faster than the max speed on record")]
    p = write(tmp_path, "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                        f"Bo Birch,{day(5)},60,6,33.2\n")  # 1.2 % above
    (note,) = [n for n in read_sessions(p, s).notes if n.startswith("Faster than the max")]
    assert note == ("Faster than the max speed on record by more than 1 %: Bo Birch (A2) 33.2 km/h "
                    f"on {day(5):%-d %b} (max 32.8 km/h). A new max? Type it as the player's Max "
                    "speed in the app's Season ▸ Squad (as the log writes it: 33.2 km/h), then "
                    "Apply, or in the coach workbook's Athletes sheet imported again, so that the "
                    "percentages of max speed read right")


def test_a_session_longer_than_four_hours_is_read_and_said(tmp_path, s):
    """600 minutes (a typo for 60) at RPE 7 is 4,200 AU, ten times the session's, and lifts
    the athlete's ACWR for a month; it was read without a word. A tournament day can be that
    long, so it is read and said, not refused."""
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{day(5)},600,7\nA2,{day(5)},240,7\nA3,{day(6)},90,6\n")
    r = read_sessions(p, s)
    assert len(r.sessions) == 3
    (note,) = [n for n in r.notes if n.startswith("Sessions longer than 4 hours")]
    assert note == ("Sessions longer than 4 hours read as written: row 2, Minutes: 600 minutes "
                    "(Ann Ash (A1)). A typo (600 for 60)? Correct the file and import it again")


def test_a_fraction_for_a_top_speed_percentage_a_date_serial_and_a_missing_date_are_said(tmp_path, s):
    """0.85 in 'Top speed %' was stored as 0.85 % (a day without speed work in the history), a
    General-format date cell read as '46237' was 'not a date' without why, a blank date
    "'' is not a date"."""
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %\n"
                        f"A1,{day(1)},60,5,0.85\n"      # row 2: a fraction
                        f"A1,,60,5,\n"                  # row 3: no date
                        f"A1,{day(3)},60,5,1.6\n")      # row 4: 1.6 % is no fraction: read
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    msg = str(e.value)
    assert (f"row 2 (A1, {day(1)}), Top speed %: 0.85 reads as a fraction of the max speed, not a percentage; "
            "write it in % (85)") in msg
    assert "row 3, Date: missing; every session has a date: write it as YYYY-MM-DD" in msg
    assert "row 4" not in msg
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    ws.append(["Athlete ID", "Date", "Minutes", "RPE", "Top speed %"])
    serial = (day(6) - dt.date(1899, 12, 30)).days
    ws.append(["A3", serial, 45, 3, 0.9])
    ws.append(["A3", day(7), 45, 3, 0.9])
    ws["E3"].number_format = "0%"  # a cell formatted as %: it shows 90 %, and 90 it is
    wb.save(tmp_path / "log.xlsx")
    with pytest.raises(InputError) as e:
        read_sessions(tmp_path / "log.xlsx", s)
    msg = str(e.value)
    assert (f"row 2, Date: {serial} is a number, not a date (as an Excel date it is "
            f"{day(6).isoformat()}); format the cell as a date") in msg
    assert f"row 2 (A3, {serial}), Top speed %: 0.9 reads as a fraction" in msg and "row 3" not in msg


def test_an_srpe_column_of_rpes_with_one_typo_names_the_typo_not_the_good_rows(tmp_path, s):
    """RPEs 5, 5, 5 and a typo 11 in an 'sRPE' column: every good row was refused as "reads as an
    RPE, but the column holds session loads", and the 11 was not named."""
    msg = _refusal(tmp_path, s, f"Player,Date,Duration,sRPE\nA1,{day(1)},75,5\nA2,{day(1)},75,5\n"
                                f"A3,{day(1)},75,5\nA1,{day(2)},75,11\n")
    assert f"row 5 (A1, {day(2)}), sRPE: 11 is outside 0-10; write the session RPE (0-10)" in msg
    assert "reads as an RPE" not in msg and "row 2" not in msg


def test_a_duration_in_hours_is_refused_with_the_minutes_to_write(tmp_path, s):
    """A GPS export in decimal hours (1.25, 0.5) was stored as 1.25 and 0.5 minutes with RPE 5
    and a sprint: the load understated 60 times. A duration under five minutes with an effort
    or a top speed is refused at its row with the minutes to write; a short one with neither,
    and a clock of a few minutes, read as written."""
    p = write(tmp_path, f"Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                        f"Ann Ash,{day(5)},1.25,5,23.4\nBo Birch,{day(5)},0.5,0,23.4\n"
                        f"Cy Cedar,{day(5)},4.5,3,\nAnn Ash,{day(6)},5,4,\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        f"row 2 (Ann Ash, {day(5)}), Duration: 1.25 min with RPE 5: hours? write 75 (minutes; a session with an "
        "effort or a sprint lasts 5 minutes or more)",
        f"row 3 (Bo Birch, {day(5)}), Duration: 0.5 min with a top speed: hours? write 30 (minutes; a session with an "
        "effort or a sprint lasts 5 minutes or more)",
        f"row 4 (Cy Cedar, {day(5)}), Duration: 4.5 min with RPE 3: hours? write 270 (minutes; a session with an "
        "effort or a sprint lasts 5 minutes or more)"], e.value.problems
    r = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed %\nA1,{day(5)},3,0,\n"
                                      f"A2,{day(5)},00:04:00,6,\nA3,{day(5)},5,6,90\n"), s)
    assert [x.minutes for x in r.sessions] == [3, 4, 5]
    # a substitute's 3 minutes played at RPE 7 are real, not hours; 3 minutes of training with
    # RPE 6 are said with the clock that would be read as minutes
    r = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                      f"A1,{day(5)},3,7,3\n"), s)
    assert [(x.minutes, x.rpe) for x in r.sessions] == [(3, 7)]
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(5)},3,6\n"), s)
    assert e.value.problems == [
        f"row 2 (A1, {day(5)}), Minutes: 3 min with RPE 6: hours? write 180 (minutes; a session with an effort or "
        "a sprint lasts 5 minutes or more, or as a clock, 0:03:00, if it was 3 minutes)"]


def test_a_row_is_read_by_its_numbers_before_the_season_is_asked():
    """'05/06/2027' in a column whose other dates read day first only (15/08/2026, 14/09/2026)
    was read 6 May, the one reading inside the season, without a word: a post-season friendly
    became a fixture in the Cup final's week. The column's numbers decide its order first; a
    day so read outside the season is left to the season's own refusal. And a week's export on
    days 1-12 of a month (07/11/2026 … 12/11/2026, or with dots) was refused whole, each row
    "could be … or …": the season decides it when the numbers do not, and dots are day first."""
    from planner.text import read_text_dates

    lo, hi = dt.date(2026, 8, 3), dt.date(2027, 5, 31)
    got = read_text_dates({2: "15/08/2026", 3: "14/09/2026", 4: "05/06/2027"}, "Date", lo, hi)
    assert got.days == {2: dt.date(2026, 8, 15), 3: dt.date(2026, 9, 14), 4: dt.date(2027, 6, 5)}
    assert not got.problems and "read day first (dd/mm/yyyy)" in got.note
    week = {r: f"{d:02d}/11/2026 09:30" for r, d in enumerate(range(7, 13), start=2)}
    got = read_text_dates(week, "Date", lo, hi)
    assert got.days == {r: dt.date(2026, 11, d) for r, d in enumerate(range(7, 13), start=2)}
    # the row named is one whose other order is outside: 07/11 month first is 11 July
    assert ("read day first (dd/mm/yyyy): the other order puts row 2 '07/11/2026 09:30' outside "
            "the season (Sat 11 Jul 2026)") in got.note, got.note
    dots = {r: f"{d}.11.2026" for r, d in enumerate(range(7, 13), start=2)}
    assert read_text_dates(dots, "Date").days == {r: dt.date(2026, 11, d)
                                                 for r, d in enumerate(range(7, 13), start=2)}
    # both orders inside the season and nothing else to decide: refused with both readings
    got = read_text_dates({2: "09/11/2026", 3: "10/12/2026"}, "Date", lo, hi)
    assert not got.days and "could be Mon 9 Nov 2026 (day first) or Fri 11 Sep 2026" in got.problems[2]


def test_a_log_row_outside_the_season_by_its_numbers_is_refused_not_read_into_it(tmp_path, s):
    """A log's '10/06/2026' (10 June, before the season) among day-first rows was logged on
    Tue 6 Oct without a word; it is refused as outside the season."""
    inside = day(1)
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{inside.strftime('%d/%m/%Y')},60,5\nA2,10/06/2026,60,5\n"
                        "A3,14/09/2026,60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert any(x.startswith("row 3, Date:") for x in e.value.problems), e.value.problems
    assert not any("2026-10-06" in x or "6 Oct" in x for x in e.value.problems), e.value.problems


def test_a_log_read_up_to_today_leaves_its_later_rows_out_before_reading_them(tmp_path, s):
    """Read up to today, a log was still refused whole for a blank RPE on a row dated after
    today, a row it said it left out: the later rows are left out before their cells are read.
    A row past the season's end is still refused."""
    past, later = day(2), day(20)
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{past.isoformat()},60,5\nA2,{later.isoformat()},60,\n"
                        f"A3,{later.isoformat()},,\n")
    with pytest.raises(InputError):
        read_sessions(p, s)
    r = read_sessions(p, s, until_today=True)
    assert [(x.athlete, x.date) for x in r.sessions] == [("A1", past)]
    assert r.later == 2 and r.later_days == (later, later)
    # one day is said as one day, not "2027-01-24 to 2027-01-24"
    assert f"Left out: 2 rows dated after today ({later.isoformat()}); import" in r.text(), r.text()
    end = s.calendar.end + dt.timedelta(days=3)
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{past.isoformat()},60,5\n"
                        f"A2,{end.isoformat()},60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s, until_today=True)
    assert any(x.startswith("row 3, Date:") and "after the season ends" in x for x in e.value.problems), e.value.problems


def test_a_row_after_today_either_way_is_left_out_by_a_log_read_up_to_today(tmp_path):
    """Read up to today, a row whose date reads two ways, both after today ('09/01/2027' or
    '01/09/2027' … in a season running on), was refused for its order, with the whole log, and
    a blank RPE on it too: it is a later row whichever way it reads, and left out."""
    s = season(weeks=40, athletes=2, today=day(3))  # from Mon 4 Jan 2027 into October
    (a, b) = (dt.date(2027, 2, 3), dt.date(2027, 3, 2))  # '03/02/2027' one way, the other
    assert day(3) < a < b <= s.calendar.end
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                        f"A1,{day(1).isoformat()},60,5\nA2,03/02/2027,60,\n")
    with pytest.raises(InputError):
        read_sessions(p, s)  # without the option: the later row is refused
    r = read_sessions(p, s, until_today=True)
    assert [(x.athlete, x.date) for x in r.sessions] == [("A1", day(1))] and r.later == 1


def test_rows_left_out_in_the_middle_of_a_log_leave_each_later_row_with_its_own_cells(tmp_path, s):
    """A log read up to today whose rows after today sit between earlier ones: each row kept
    keeps its own athlete, minutes and top speed (the rows left out are taken out of the
    sheet, not shifted under the others)."""
    past, later = day(2), day(20)
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE,Top speed m/s\n"
                        f"A1,{past.isoformat()},60,5,8.1\nA2,{later.isoformat()},45,4,\n"
                        f"A3,{later.isoformat()},50,3,7.0\nA2,{past.isoformat()},70,6,8.9\n"
                        f"A3,{day(3).isoformat()},40,2,9.5\n")
    r = read_sessions(p, s, until_today=True)
    got = sorted((x.athlete, x.date, x.minutes, x.rpe, x.top_speed_ms) for x in r.sessions)
    assert got == [("A1", past, 60, 5, 8.1), ("A2", past, 70, 6, 8.9), ("A3", day(3), 40, 2, 9.5)], got
    # the speed above the max on record is said of its own athlete
    faster = next(x for x in r.notes if x.startswith("Faster than the max speed on record"))
    assert "Cy Cedar (A3)" in faster and "Bo Birch" not in faster, faster
    assert r.later == 2


def test_a_workbook_log_read_up_to_today_keeps_its_number_cells_with_their_rows(tmp_path, s):
    """An .xlsx log read up to today, a later row between earlier ones: the cells the workbook
    held as numbers were flagged by the rows' old places, so a number cell of 7.125 m/s under
    the dropped row was refused as text ("could be 7125 or 7.125"), and a text "7.125" below
    another was read unasked. Each cell keeps its own kind."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    ws.append(["Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s"])
    ws.append(["A1", day(2), 60, 5, 8.0])
    ws.append(["A2", day(20), 45, 4, None])  # after today: left out
    ws.append(["A3", day(2), 50, 3, 7.125])  # a number cell
    wb.save(tmp_path / "log.xlsx")
    r = read_sessions(tmp_path / "log.xlsx", s, until_today=True)
    assert sorted((x.athlete, x.top_speed_ms) for x in r.sessions) == [("A1", 8.0), ("A3", 7.125)]
    assert not any("read as" in n for n in r.notes)  # a number cell: no grouping to say
    ws.cell(row=4, column=5, value="7.125")  # text: which grouping? 7125 m/s cannot be: said
    ws.cell(row=4, column=3, value="1.080")  # 1080 or 1.08 minutes: neither can be, refused
    wb.save(tmp_path / "log.xlsx")
    with pytest.raises(InputError) as e:
        read_sessions(tmp_path / "log.xlsx", s, until_today=True)
    assert [x.split(":")[0] for x in e.value.problems] == [f"row 4 (A3, {day(2)}), Minutes"], e.value.problems
    ws.cell(row=4, column=3, value=50)
    wb.save(tmp_path / "log.xlsx")
    r = read_sessions(tmp_path / "log.xlsx", s, until_today=True)
    assert "'Top speed m/s': row 4 '7.125' read as 7.125 (7125 cannot be in this column)" in r.notes


def test_a_log_that_adds_nothing_says_why_in_one_sentence_for_the_cli_and_the_app(tmp_path, s):
    """The CLI said "No session in the log is dated up to today" where the app said "Every
    session in it up to today is already logged, or it has none up to today", knowing which:
    one sentence, the case it is."""
    later = day(20)
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{later.isoformat()},60,5\n")
    r = read_sessions(p, s, until_today=True)
    assert r.nothing_new() == "No session in the log is dated up to today (1 row after today left out)."
    logged = E.LogSessions(sessions=tuple(read_sessions(
        write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(2).isoformat()},60,5\n"), s).sessions)).apply(s)
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(2).isoformat()},60,5\n"
                        f"A1,{later.isoformat()},60,5\n")
    r = read_sessions(p, logged, until_today=True)
    assert not r.sessions and r.already
    assert r.nothing_new() == ("Every session in it up to today is already logged (1 row after "
                               "today left out).")
    assert read_sessions(write(tmp_path, "Athlete ID,Date,Minutes,RPE\n"), s).nothing_new() == \
        "The log holds no session: a header row only."


def test_every_note_a_log_reader_keeps_of_its_rows_follows_them_when_rows_are_left_out(tmp_path, s):
    """A log read up to today leaves its later rows out, and each note of the file kept by a
    row's place (its number, the cells held as numbers, the formulas without a value) must
    move with its row: one re-indexed by hand and another forgotten paired a row with another
    row's flags. Every note a reader sets is declared by how it follows the rows, so a new one
    is moved too (or this fails)."""
    from planner.coachform.guard import NO_VALUE
    from planner.logfile import CELL_ATTRS, FILE_ATTRS, ROW_ATTRS, read_frame
    from planner.sessionlog import _keep_rows

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    ws.append(["Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s"])
    ws.append(["A1", day(2), 60, 5, 8.0])
    ws.append(["A2", day(20), "=40+5", 4, None])  # after today: left out
    ws.append(["A3", day(3), "=50+10", 3, 7.125])  # a formula without a value, a number cell
    ws.row_dimensions[4].hidden = True
    wb.save(tmp_path / "log.xlsx")
    frame = read_frame(tmp_path / "log.xlsx")
    csv = read_frame(write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,2027-01-05,60,5\n"))
    assert set(frame.attrs) | set(csv.attrs) <= {*ROW_ATTRS, *CELL_ATTRS, *FILE_ATTRS}, frame.attrs
    kept = _keep_rows(frame, [1])
    assert list(kept["Athlete ID"]) == ["A1", "A3"] and list(kept.attrs["rows"]) == ["2", "4"]
    assert kept.attrs["uncached"]["Minutes"] == {1} and kept.attrs["numeric"]["Top speed m/s"] == {0, 1}
    assert kept.attrs["hidden"] == frame.attrs["hidden"] and kept.attrs["sheet"] == "Sessions"
    with pytest.raises(InputError) as e:  # said at its own row, which is read
        read_sessions(tmp_path / "log.xlsx", s, until_today=True)
    assert e.value.problems == [f"row 4 (A3, {day(3)}), Minutes: {NO_VALUE}"], e.value.problems


def test_a_log_read_up_to_today_counts_its_dates_typed_as_text_among_the_rows_it_reads(tmp_path):
    """Read up to today, '2 dates typed as text' counted a row it left out (after today); the
    note counts the rows read, and the rows left out still give the column its order: a
    '03/02/2027' (3 February or 2 March, both in the season) above a later '25/03/2027' is
    3 February, not refused."""
    s = season(weeks=40, athletes=2, today=day(40))  # from Mon 4 Jan 2027, today 13 Feb
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\nA1,03/02/2027,60,5\nA2,25/03/2027,60,\n")
    r = read_sessions(p, s, until_today=True)
    assert [(x.athlete, x.date) for x in r.sessions] == [("A1", dt.date(2027, 2, 3))] and r.later == 1
    said = next(x for x in r.notes if "typed as text" in x)
    assert said.startswith("1 date typed as text in the column 'Date', read day first"), said


def test_a_row_after_today_is_refused_with_the_fix_in_the_words_of_the_place(tmp_path, s):
    """The app read a log's refusal in the command line's words and replaced them with its own
    after the fact; the place's words go into the reader, the command line's by default."""
    later = day(20)
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{later.isoformat()},60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s, late_fix="choose a later new today above")
    (said,) = e.value.problems
    assert said.endswith("log a session once it happened, or choose a later new today above"), said
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems[0].endswith("(periodize advance --today DATE), or read the rows up to "
                                        "today alone (--until-today)"), e.value.problems


def test_a_row_after_the_season_ends_is_told_to_check_the_year_not_to_move_today(tmp_path, s):
    """A row dated after the season's last day was told to move today on first, which no new
    today can reach (advance stops at the day after the season): it is said to lie after the
    season's end, the date to be checked, as a row before the season is; a row between today
    and the end keeps the way to move today."""
    end = s.calendar.end
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{end + dt.timedelta(days=1)},60,5\n"
                        f"A2,{end + dt.timedelta(days=365)},60,5\nA3,{end},60,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems[:2] == [
        f"row {n}, Date: {d.isoformat()} is after the season ends ({day_long(end)}); check the "
        f"date (the year?), or leave the row out"
        for n, d in ((2, end + dt.timedelta(days=1)), (3, end + dt.timedelta(days=365)))]
    assert e.value.problems[2].startswith(f"row 4, Date: {end.isoformat()} is after today")
    assert "periodize advance" in e.value.problems[2]
    assert len(e.value.problems) == 3


def test_many_rows_after_the_season_ends_are_said_in_one_line_as_rows_before_it_are(tmp_path, s):
    """A week's export with the year typed wrong (40 rows a year on) gave one line a row, while
    as many rows a year back were one line: both are one line now, naming the first row, the
    dates and the year to check."""
    end = s.calendar.end
    rows = "".join(f"A{k % 3 + 1},{day(k % 30) + dt.timedelta(days=365)},60,5\n" for k in range(40))
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE\n" + rows)
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    first, last = day(0) + dt.timedelta(days=365), day(29) + dt.timedelta(days=365)
    assert e.value.problems == [
        f"40 rows (the first: row 2, Date) are dated {first.isoformat()} to {last.isoformat()}, "
        f"after the season ends ({day_long(end)}); check the year, or leave them out of the log"]


def test_a_missing_rpe_or_minutes_names_the_rows_athlete_and_date_as_written(tmp_path, s):
    """"row 12, RPE: missing" sent the coach to count rows in the file to find whose session
    it was: the row's athlete and date, as the row writes them, follow its number."""
    p = write(tmp_path, "Athlete,Date,Minutes,RPE\n"
                        "Ann Ash,11/01/2027,60,5\n"
                        "Bo Birch,12/01/2027,60,\n"       # row 3: no RPE
                        "Cy Cedar,12/01/2027,,6\n"        # row 4: no minutes
                        ",13/01/2027,45,\n")              # row 5: no athlete either
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert ("row 3 (Bo Birch, 12/01/2027), RPE: missing; write the session RPE (0-10), or 0 minutes and RPE 0 for a day without training"
            in e.value.problems)
    assert ("row 4 (Cy Cedar, 12/01/2027), Minutes: missing; write the session's minutes, or 0 "
            "minutes and RPE 0 for a day without training") in e.value.problems
    assert "row 5 (13/01/2027), RPE: missing; write the session RPE (0-10), or 0 minutes and RPE 0 for a day without training" in e.value.problems
    # an Excel date cell is written as the date alone
    wb = openpyxl.Workbook()
    wb.active.append(["Athlete ID", "Date", "Minutes", "RPE"])
    wb.active.append(["A2", dt.datetime(2027, 1, 12), 60, None])
    wb.save(tmp_path / "log.xlsx")
    with pytest.raises(InputError) as e:
        read_sessions(tmp_path / "log.xlsx", s)
    assert e.value.problems == [
        "row 2 (A2, 2027-01-12), RPE: missing; write the session RPE (0-10), or 0 minutes and RPE 0 for a day without training"]


def test_catapults_maximum_velocity_is_the_top_speed_and_a_speed_not_read_is_said_first(tmp_path, s):
    """Catapult's 'Maximum Velocity' (m/s, or km/h when the account says so) was dropped among
    HSR and Player Load, so every exposure of the log counted as none; 'Max Vel (% Max)' is of
    OpenField's own max, not the squad's, so it is no top speed %, and it is said, first."""
    head = "Date,Player Name,Total Duration,Maximum Velocity,Max Vel (% Max),HSR,RPE\n"
    ms = read_sessions(write(tmp_path, head + f"{day(1)},Ann Ash,01:12:40,8.1,92,410,6\n"), s)
    assert [(x.top_speed_ms, x.top_speed_pct) for x in ms.sessions] == [(8.1, None)]
    assert ms.mapping["top_ms"] == "Maximum Velocity" and not ms.loud
    said = [n for n in ms.notes if "looks like a top speed" in n]
    assert said == ["'Max Vel (% Max)' looks like a top speed but was not read (a percentage of "
                    "the GPS system's own max): the top speed is read from 'Maximum Velocity'"]
    assert ms.notes[0] == said[0] and "Max Vel" not in ms.text().split("Not read:")[1]
    kmh = read_sessions(write(tmp_path, head + f"{day(1)},Ann Ash,60,29.16,92,410,6\n"
                                               f"{day(2)},Bo Birch,60,,,410,5\n"), s)
    assert [x.top_speed_ms for x in kmh.sessions] == [pytest.approx(8.1), None]
    assert any("'Maximum Velocity' names no unit" in n and "read as km/h" in n for n in kmh.notes)
    both = write(tmp_path, head + f"{day(1)},Ann Ash,60,8.1,,,6\n{day(2)},Bo Birch,60,13.5,,,5\n")
    with pytest.raises(InputError, match="13.5 m/s is more than 10 % above"):  # m/s as well: not guessed
        read_sessions(both, s)
    none = read_sessions(write(tmp_path, "Date,Player Name,Total Duration,Max Vel (% Max),HSR,RPE\n"
                                         f"{day(1)},Ann Ash,60,92,410,6\n"), s)
    assert none.loud == ["'Max Vel (% Max)' looks like a top speed but was not read (a percentage "
                         "of the GPS system's own max): head a column 'Top speed m/s' or 'Max "
                         "Speed (km/h)'"]
    assert none.text().splitlines()[0] == none.loud[0] and none.sessions[0].top_speed_pct is None
    assert none.text(loud=False).startswith("Columns read:")
    high = read_sessions(write(tmp_path, "Athlete ID,Date,Minutes,RPE,High Speed Running (m),"
                                         f"Sprint Efforts\nA1,{day(1)},60,6,410,3\n"), s)
    assert not high.loud and not any("looks like a top speed" in n for n in high.notes)


def test_a_per_drill_export_is_one_session_per_athlete_day_and_session(tmp_path, s):
    """Catapult's per-drill rows were four sessions a day, and a 'Full Session' row beside its
    drills counted the day twice (a doubled load, a red ACWR flag)."""
    head = "Player Name,Date,Session Title,Drill Title,Total Duration,Maximum Velocity,RPE,Note\n"
    rows = "".join(f"{who},{day(d)},MD-4,{drill},00:{m}:00,{v},6,{n}\n"
                   for who in ("Ann Ash", "Bo Birch") for d in (1, 2)
                   for drill, m, v, n in (("Warm Up", 15, 6.1, ""), ("Rondo", "04", 5.0, "a"),
                                          ("Max Velocity Exposure", 10, 8.6, "b"), ("SSG", 33, 7.9, "a")))
    r = read_sessions(write(tmp_path, head + rows), s)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.top_speed_ms, x.note) for x in r.sessions] == [
        (a, day(d), 62, 6, 8.6, "a; b") for a in ("A1", "A2") for d in (1, 2)]
    assert ("Per-drill rows read as one session per athlete and day: minutes summed, the highest "
            "top speed: 16 rows → 4 sessions") in r.notes
    assert "Drill <- 'Drill Title'" in r.text() and "Session <- 'Session Title'" in r.text()
    # two sessions of a day (by their titles) stay two; a row that is the total takes the day
    two = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},AM,Gym,00:30:00,,5,\n"
                                               f"Ann Ash,{day(1)},PM,Full Session,01:00:00,8.5,6,\n"
                                               f"Ann Ash,{day(1)},PM,Warm Up,00:20:00,6,6,\n"
                                               f"Ann Ash,{day(1)},PM,SSG,00:40:00,8.5,6,\n"), s)
    assert sorted((x.minutes, x.rpe) for x in two.sessions) == [(30, 5), (60, 6)]
    assert "row 3 'Full Session' is the session's total: its 2 drill rows are left out" in two.notes
    with pytest.raises(InputError) as e:  # one session, one RPE
        read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},PM,Warm Up,00:20:00,6,6,\n"
                                             f"Ann Ash,{day(1)},PM,SSG,00:40:00,8.5,7,\n"), s)
    assert e.value.problems == [f"row 2 (Ann Ash, {day(1)}), RPE: the drill rows of one session give different RPEs "
                                "(row 2: 6, row 3: 7); the session has one RPE: write it on each of "
                                "its rows"]
    plain = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},20,6\n"
                                          f"A1,{day(1)},40,6\n"), s)
    assert [x.minutes for x in plain.sessions] == [20, 40]  # no drill column: two sessions


def test_a_unitless_speed_column_is_km_h_when_one_value_can_only_be_and_says_it_once(tmp_path, s):
    """One rehab player's 13.5 beside the squad's 31.2 made Catapult's 'Maximum Velocity' refused
    whole (km/h was read only when every value was above 15); and the km/h reading was announced
    as 'Top speed m/s <- ...' and then said twice."""
    head = "Player Display Name,Date,Duration,RPE,Maximum Velocity\n"
    r = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},60,6,31.2\n"
                                             f"Bo Birch,{day(1)},40,3,13.5\n"), s)
    assert [x.top_speed_ms for x in r.sessions] == [round(31.2 / 3.6, 2), pytest.approx(3.75)]
    lines = r.text().splitlines()
    assert lines[0] == ("Columns read: Athlete ID <- 'Player Display Name', Date <- 'Date', Minutes "
                        "<- 'Duration', RPE <- 'RPE', Top speed km/h <- 'Maximum Velocity'")
    assert [x for x in lines if "km/h" in x][1:] == [
        "'Maximum Velocity' names no unit and its values (13.5 to 31.2) go above 16.5, which no one "
        "sprints in m/s: read as km/h, each speed divided by 3.6 to give m/s (13.5 is 3.75 m/s)"]
    named = read_sessions(write(tmp_path, "Athlete ID,Date,Minutes,RPE,Max Velocity (km/h)\n"
                                          f"A1,{day(1)},60,6,29.16\n"), s)
    assert "Top speed km/h <- 'Max Velocity (km/h)'" in named.text()
    assert sum("km/h" in x for x in named.notes) == 1


def test_a_unitless_m_s_column_with_one_typo_above_16_5_stays_m_s_and_the_typo_is_refused(tmp_path, s):
    """A unitless speed column of m/s values with one typo above 16.5 (8.5, 8.4, 18.9, 8.7) was
    read wholly as km/h: every player at about 2.4 m/s. The unit is the column's bulk: m/s,
    the 18.9 refused naming its row; a km/h column with one rehab 13.5 stays km/h."""
    head = "Athlete ID,Date,Minutes,RPE,Top speed\n"
    rows = "".join(f"A{a},{day(1)},60,6,{v}\n" for a, v in ((1, 8.5), (2, 8.4), (3, 18.9),
                                                             (4, 8.7)))
    ss = s.model_copy(update={"athletes": (*s.athletes, Athlete(id="A4", name="Di Dale",
                                                                max_speed=9.0))})
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, head + rows), ss)
    assert e.value.problems == [f"row 4 (A3, {day(1)}), Top speed: 18.9 is outside 0-16.5; write top "
                                "speed in m/s (if the column is in km/h, name it 'Top speed km/h')"]
    kmh = "".join(f"A{a},{day(1)},60,6,{v}\n" for a, v in ((1, 29.5), (2, 31.0), (3, 13.5),
                                                            (4, 27.0)))
    r = read_sessions(write(tmp_path, head + kmh), ss)
    assert sorted(round(x.top_speed_ms, 2) for x in r.sessions) == [3.75, 7.5, 8.19, 8.61]


def test_a_total_row_beside_its_drills_is_compared_with_them_and_fills_what_it_leaves_blank(tmp_path, s):
    """A 'Full Session' row with RPE 8 beside drills of RPE 6 was taken without a word, and its
    blank top speed lost the drills' 8.9 m/s sprint (an exposure counted as none)."""
    head = "Player Name,Date,Drill Title,Duration,RPE,Maximum Velocity,Pain\n"
    rows = f"Ann Ash,{day(1)},Warm Up,15,6,6.1,\nAnn Ash,{day(1)},SSG,30,6,8.9,2\n"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, head + rows + f"Ann Ash,{day(1)},Full Session,45,8,,\n"), s)
    assert e.value.problems == [f"row 2 (Ann Ash, {day(1)}), RPE: the session's total and its drill rows give different "
                                "RPEs (row 2: 6, row 3: 6, row 4 'Full Session': 8); the session "
                                "has one RPE: write it on each of its rows"]
    r = read_sessions(write(tmp_path, head + rows + f"Ann Ash,{day(1)},Full Session,50,6,,\n"), s)
    assert [(x.minutes, x.rpe, x.top_speed_ms, x.pain) for x in r.sessions] == [(50, 6, 8.9, 2)]
    own = read_sessions(write(tmp_path, head + rows + f"Ann Ash,{day(1)},Full Session,50,6,7.5,0\n"), s)
    assert [(x.top_speed_ms, x.pain) for x in own.sessions] == [(7.5, 0)]  # the total's own stand


def test_a_drill_exports_rpe_on_one_drill_row_is_the_sessions(tmp_path, s):
    """The session's RPE written on one drill row (the last, or all but the first) was refused
    row by row as 'RPE: missing' for the rows that merge into a session that has one."""
    head = "Player Name,Date,Drill Title,Duration,RPE,Maximum Velocity\n"
    r = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},Warm Up,15,,6.1\n"
                                             f"Ann Ash,{day(1)},SSG,30,,8.9\n"
                                             f"Ann Ash,{day(1)},Cool down,10,6,4\n"
                                             f"Bo Birch,{day(1)},Warm Up,15,,6.0\n"
                                             f"Bo Birch,{day(1)},SSG,30,5,8.5\n"), s)
    assert [(x.athlete, x.minutes, x.rpe, x.top_speed_ms) for x in r.sessions] == [
        ("A1", 55, 6, 8.9), ("A2", 45, 5, 8.5)]
    total = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},Warm Up,15,6,6.1\n"
                                                 f"Ann Ash,{day(1)},Full Session,45,,\n"), s)
    assert [(x.minutes, x.rpe, x.top_speed_ms) for x in total.sessions] == [(45, 6, 6.1)]
    with pytest.raises(InputError) as e:  # none of its rows gives one: missing, once
        read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},Warm Up,15,,6.1\n"
                                             f"Ann Ash,{day(1)},SSG,30,,8.9\n"
                                             f"Bo Birch,{day(1)},SSG,30,,8.5\n"), s)
    assert e.value.problems == [
        f"row 2 (Ann Ash, {day(1)}), RPE: missing on each of the session's drill rows (rows 2, 3); "
        f"every session has minutes and an RPE",
        f"row 4 (Bo Birch, {day(1)}), RPE: missing; write the session RPE (0-10), or 0 minutes and RPE 0 for a day without training"]


def test_two_sessions_of_a_day_in_a_drill_export_without_a_session_column_are_told_how(tmp_path, s):
    """An AM and a PM session (a 'Warm Up' each) without a session column read as one session
    whose RPEs disagree: the fix offered was to write one RPE on every row."""
    head = "Player Name,Date,Drill Title,Duration,RPE\n"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},Warm Up,15,4\n"
                                             f"Ann Ash,{day(1)},Speed,20,4\n"
                                             f"Ann Ash,{day(1)},Warm Up,15,7\n"), s)
    assert e.value.problems == [f"row 2 (Ann Ash, {day(1)}), RPE: the drill rows of one session give different RPEs "
                                "(row 2: 4, row 3: 4, row 4: 7); the session has one RPE: write it "
                                "on each of its rows; if these are two sessions, add a 'Session' "
                                "column (AM/PM) to tell them apart"]


def test_a_total_row_written_twice_is_said_once(tmp_path, s):
    """Two identical 'Full Session' rows gave a line for each and 'Counted once: row 4 repeats
    row 3': three lines for one session."""
    r = read_sessions(write(tmp_path, "Player Name,Date,Drill Title,Duration,RPE,Maximum Velocity\n"
                                      f"Bo Birch,{day(1)},Warm Up,15,6,6.0\n"
                                      f"Bo Birch,{day(1)},Full Session,45,6,8.5\n"
                                      f"Bo Birch,{day(1)},Full Session,45,6,8.5\n"), s)
    assert [(x.minutes, x.rpe, x.top_speed_ms) for x in r.sessions] == [(45, 6, 8.5)]
    assert r.text().splitlines()[1:] == [
        "row 3 'Full Session' is the session's total (row 4 repeats it): its 1 drill row is left out"]


def test_a_date_read_after_today_is_no_reading_and_a_column_read_two_ways_is_said_once(tmp_path):
    """A week of 04/01-06/01 exported in January was refused, 1 April to 1 June being in the
    season too, with one identical line per row; a reading after today is no day of a log. A
    column that still reads two ways is one line; the note names the row whose other order is
    no day of the log, and why."""
    january = season(weeks=30, athletes=2, today=day(14))
    text = "Athlete ID,Date,Minutes,RPE\n" + "".join(f"A{a},0{d}/01/2027,60,5\n"
                                                       for d in (4, 5, 6) for a in (1, 2))
    r = read_sessions(write(tmp_path, text), january)
    assert [x.date for x in r.sessions] == [day(d) for d in (0, 1, 2) for _ in (1, 2)]
    assert ("6 dates typed as text in the column 'Date', read day first (dd/mm/yyyy): the other "
            "order puts row 2 '04/01/2027' after today (Thu 1 Apr 2027)") in r.notes
    june = season(weeks=30, athletes=2, today=day(150))  # 3 June: both orders are past days
    # the rows' span decides then: 4-6 January, not 1 April to 1 June (test_a_week_export_...)
    assert [x.date for x in read_sessions(write(tmp_path, text), june).sessions] == [
        day(d) for d in (0, 1, 2) for _ in (1, 2)]
    spread = "Athlete ID,Date,Minutes,RPE\n" + "".join(f"A{a},{t}/2027,60,5\n"
                                                       for t in ("04/01", "05/03", "06/02")
                                                       for a in (1, 2))
    with pytest.raises(InputError) as e:  # 4 Jan-5 Mar or 1 Apr-2 Jun: nothing decides
        read_sessions(write(tmp_path, spread), june)
    assert e.value.problems == [
        "row 2, Date: all 6 dates in 'Date' read two ways (rows 2, 3, 4, 5, 6, 7; e.g. "
        "'04/01/2027' could be Mon 4 Jan 2027 (day first) or Thu 1 Apr 2027 (month first)); make "
        "the cells Excel dates or write them as YYYY-MM-DD"]


def test_a_week_export_whose_every_date_reads_two_ways_is_read_as_the_week_it_forms(tmp_path):
    """A club's dd/mm/yyyy GPS export of 07/12/2026-12/12/2026 was refused whole ("118 dates
    read two ways … '07/12/2026' could be Mon 7 Dec 2026 or Sun 12 Jul 2026"), both orders
    being past days of the season, though the same export was read day first the week before.
    Day first its rows fall within one week; month first they spread from July to December,
    which no week's export does: it is read day first, said. Read mid-week up to today, it was
    read month first, its rows logged in January to June unsaid (day first puts some after
    today); a week every row of which lies after today one way is refused as before, as the
    span and today disagree there."""
    from planner.text import read_text_dates

    s = season(weeks=30, athletes=2, today=day(186))  # Fri 9 Jul 2027
    week = [dt.date(2027, 7, d) for d in range(1, 7)]  # Thu 1 to Tue 6 Jul: '01/07/2027' ...
    text = "Athlete ID,Date,Minutes,RPE\n" + "".join(f"A{a},{d:%d/%m/%Y},60,5\n"
                                                     for d in week for a in (1, 2))
    r = read_sessions(write(tmp_path, text), s)
    assert [x.date for x in r.sessions] == [d for d in week for _ in (1, 2)]
    assert ("12 dates typed as text in the column 'Date', read day first (dd/mm/yyyy): so the rows "
            "fall within one week, 1 to 6 Jul 2027; month first they would spread from 7 Jan to "
            "7 Jun 2027") in r.notes, r.notes
    # mid-week, up to today: the days after today left out, not the rows read as January-June
    midweek = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": week[2]})})
    r = read_sessions(write(tmp_path, text), midweek, until_today=True)
    assert [x.date for x in r.sessions] == [d for d in week[:3] for _ in (1, 2)]
    assert r.later == 6 and r.later_days[0] == week[3]
    # before the week: day first every row is after today, month first none is: refused
    before = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(177)})})
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), before, until_today=True)
    assert "read two ways" in e.value.problems[0], e.value.problems
    # a fortnight is one export too; a span of 4 weeks or more the other way is needed
    lo, hi = dt.date(2026, 12, 7), dt.date(2027, 12, 31)  # both orders inside
    fortnight = {r: f"{d:02d}/07/2027" for r, d in enumerate((1, 5, 8, 12), start=2)}
    got = read_text_dates(fortnight, "Date", lo, hi)
    assert got.days == {r: dt.date(2027, 7, d) for r, d in enumerate((1, 5, 8, 12), start=2)}
    assert "so the rows fall within two weeks, 1 to 12 Jul 2027" in got.note, got.note
    one_day = read_text_dates({2: "03/04/2027", 3: "03/04/2027"}, "Date", lo, hi)
    assert not one_day.days and len(one_day.problems) == 2  # each order is one day: no span decides


def test_statsports_headers_are_read_and_a_gps_spelling_of_a_name_is_proposed_once(tmp_path):
    """STATSports' 'Player Display Name' was no column; 'M. Ruiz' and 'RUIZ Marco' were refused
    row by row with the IDs listed. Each is proposed once, with its rows, and never read unasked."""
    base = season(weeks=4, athletes=3, today=day(14))
    squad = base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": n}) for a, n in
        zip(base.athletes, ("Marco Ruíz", "Tom Berger", "Anna Berger"), strict=True))})
    head = "Player Display Name,Session Date,Duration,RPE\n"
    ok = read_sessions(write(tmp_path, head + f"Tom Berger,{day(1)},60,5\n"), squad)
    assert ok.mapping["athlete"] == "Player Display Name" and ok.mapping["date"] == "Session Date"
    rows = "".join(f"{n},{day(d)},60,5\n" for d in (1, 2, 3)
                   for n in ("M. Ruiz", "RUIZ Marco", "ruiz", "berger", "T Berger"))
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, head + rows), squad)
    said = e.value.problems
    assert ("row 2, Player Display Name: 'M. Ruiz' (rows 2, 7, 12) is no athlete: Marco Ruíz "
            "(A1)? write the squad's name or ID") in said
    assert ("row 3, Player Display Name: 'RUIZ Marco' (rows 3, 8, 13) is no athlete: Marco Ruíz "
            "(A1)? write the squad's name or ID") in said
    assert any(x.startswith("row 4, Player Display Name: 'ruiz' (rows 4, 9, 14) is no athlete: "
                            "Marco Ruíz (A1)?") for x in said)
    assert any("'T Berger' (rows 6, 11, 16) is no athlete: Tom Berger (A2)?" in x for x in said)
    # two Bergers: the surname alone proposes neither, and names both, row by row (it listed IDs)
    assert [x for x in said if "'berger'" in x][0] == (
        "row 5, Player Display Name: 'berger': Tom Berger (A2) or Anna Berger (A3)? write the "
        "first name or ID")
    assert len(said) == 4 + 3
    assert e.value.note == ("To read the names on rows 2, 3, 4, 6, 7, 8, 9, 11 … as the "
                            "athlete proposed for each (each said), run the command again with "
                            "--read-names-as-proposed.")


def test_a_proposed_gps_spelling_is_read_as_the_athlete_when_asked_and_said(tmp_path, s):
    """A proposed spelling ('M. Ruiz' for Marco Ruiz) could not be accepted: the file had to be
    fixed every week. Asked (as_proposed), each is read as the athlete proposed, said."""
    from planner.sessionlog import LogError

    p = write(tmp_path, "Player Display Name,Date,Duration,RPE\n"
                        f"A. Ash,{day(1)},60,5\nBIRCH Bo,{day(1)},50,4\nA. Ash,{day(2)},40,3\n")
    with pytest.raises(LogError) as e:
        read_sessions(p, s)
    assert e.value.proposed == {"A. Ash": "A1", "BIRCH Bo": "A2"}
    assert e.value.note == ("To read the names on rows 2, 3, 4 as the athlete proposed for each (each "
                            "said), run the command again with --read-names-as-proposed.")
    # one row: said once in its line, not again in brackets
    assert ("row 3, Player Display Name: 'BIRCH Bo' is no athlete: Bo Birch (A2)? write the squad's "
            "name or ID") in e.value.problems
    r = read_sessions(p, s, as_proposed=True)
    assert [(x.athlete, x.minutes) for x in r.sessions] == [("A1", 60), ("A2", 50), ("A1", 40)]
    assert "'A. Ash' read as Ann Ash (A1) (rows 2, 4)" in r.notes
    assert "'BIRCH Bo' read as Bo Birch (A2) (row 3)" in r.notes


def test_a_gps_export_without_rpe_says_what_to_do_and_reads_for_its_speeds(tmp_path, s):
    """'no column for RPE … name them …': the file has no RPE to rename. It says so, with the
    way in; read for its speeds alone, minutes and RPE are not needed."""
    text = f"Player Name,Date,Maximum Velocity,Total Distance\nAnn Ash,{day(1)},8.1,6200\n"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert e.value.problems == [
        "this file has top speeds but no RPE (a GPS export): add an RPE column (from your "
        "wellness/RPE app), or import the RPE first and then this file with --overlap speed, which "
        "adds each row's top speed to the session already logged that day"]
    r = read_sessions(write(tmp_path, text), s, speeds=True)
    assert [(x.athlete, x.date, x.top_speed_ms) for x in r.sessions] == [("A1", day(1), 8.1)]
    assert set(r.mapping) == {"athlete", "date", "top_ms"}
    with pytest.raises(InputError, match="no column for a top speed"):
        read_sessions(write(tmp_path, f"Player,Date\nAnn Ash,{day(1)}\n"), s, speeds=True)


def test_an_athlete_without_max_speed_is_one_line_naming_his_fastest(tmp_path, s):
    """A newcomer with no max speed gave a line for each of his rows ("row 3, Max Velocity
    (km/h): Diego Santos (A26) has no max speed, so 8.75 m/s cannot be read" x 10): one line for
    him, with how many, the fastest (its day and row) and the ways on; the other problems of the
    log stay located by row, and the athletes with none are given to whoever reads on."""
    from planner.sessionlog import LogError

    cleared = s.model_copy(update={"athletes": s.athletes[:2] + (
        s.athletes[2].model_copy(update={"max_speed": None}),)})
    p = write(tmp_path, "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                        f"A3,{day(1)},60,5,29.0\nA3,{day(2)},60,5,31.5\nA1,{day(2)},60,50,30\n"
                        f"A3,{day(3)},60,5,30.2\nA3,{day(4)},60,5,31.5\n")
    with pytest.raises(LogError) as err:
        read_sessions(p, cleared)
    assert err.value.problems[0] == (
        f"Cy Cedar (A3) has no max speed, so their 4 top speeds in m/s (fastest 8.75 m/s = 31.5 "
        f"km/h, {text_day(day(2))}, row 3) cannot be read: give their max speed (Season ▸ Squad, "
        f"the workbook's Athletes sheet, or --max-speed-from-log), or log their top speeds in %")
    assert len(err.value.problems) == 2 and err.value.problems[1].startswith(
        f"row 4 (A1, {day(2)}), RPE: ")
    (got,) = err.value.no_max.values()
    assert (got.athlete, got.count, got.fastest, got.day, got.row) == (
        "A3", 4, pytest.approx(8.75), day(2), "row 3")
    # one row: said in the singular
    one = write(tmp_path, "Athlete ID,Date,Minutes,RPE,Top speed m/s\n"
                          f"A3,{day(1)},60,5,8.4\n", "one.csv")
    with pytest.raises(LogError) as err:
        read_sessions(one, cleared)
    assert err.value.problems == [
        f"Cy Cedar (A3) has no max speed, so their top speed in m/s (8.40 m/s = 30.2 km/h, "
        f"{text_day(day(1))}, row 2) cannot be read: give their max speed (Season ▸ Squad, the "
        f"workbook's Athletes sheet, or --max-speed-from-log), or log their top speeds in %"]
    # with his max speed, his row reads as the others'
    assert [x.top_speed_ms for x in read_sessions(one, s).sessions] == [8.4]


def test_a_german_header_log_is_read(tmp_path, s):
    """"Athlet;Datum;Minuten;RPE" gave "no column for Athlete ID, Date, Minutes": the headers a
    German coach's spreadsheet has are read, with its decimal commas and dd.mm.yyyy dates."""
    p = write(tmp_path, "sep=;\nSpieler;Datum;Dauer (min);RPE;Höchstgeschwindigkeit (km/h);"
                        "Spielminuten;Schmerz;Bemerkung;Geschwindigkeit\n"
                        "Ann Ash;05.01.2027;72,5;6,5;32,4;;1,5;\"Sprint; gut\";25,1\n"
                        "Bo Birch;06.01.2027;60;5;;45;;;\n")
    r = read_sessions(p, s)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.minutes_played, x.pain, x.note)
            for x in r.sessions] == [("A1", day(1), 72.5, 6.5, None, 1.5, "Sprint; gut"),
                                     ("A2", day(2), 60, 5, 45, None, "")]
    assert r.sessions[0].top_speed_ms == pytest.approx(9.0)
    assert r.mapping == {"athlete": "Spieler", "date": "Datum", "minutes": "Dauer (min)",
                         "rpe": "RPE", "top_kmh": "Höchstgeschwindigkeit (km/h)",
                         "played": "Spielminuten", "pain": "Schmerz", "note": "Bemerkung"}
    # "Geschwindigkeit" alone may be an average: not read as the top speed


@pytest.mark.parametrize("header", ["Athlet;Datum;Minuten;RPE;Max. Geschwindigkeit;Notiz",
                                    "Athletin;Datum;Trainingsdauer;RPE;Hoechstgeschwindigkeit;Notiz"])
def test_german_headers_without_a_unit_read_the_top_speed_by_its_values(tmp_path, s, header):
    p = write(tmp_path, f"{header}\nAnn Ash;05.01.2027;75;6;32,4;\nCy Cedar;07.01.2027;60;4;31,5;ok\n")
    r = read_sessions(p, s)
    assert [(x.athlete, x.date, x.minutes) for x in r.sessions] == [("A1", day(1), 75),
                                                                    ("A3", day(3), 60)]
    assert [x.top_speed_ms for x in r.sessions] == [pytest.approx(9.0), pytest.approx(8.75)]
    assert r.mapping["top_kmh"] == header.split(";")[4] and r.sessions[1].note == "ok"


@pytest.mark.parametrize(("header", "value", "field"), [
    ("Höchstgeschwindigkeit (m/s)", "8,1", "top_ms"), ("Max. Geschwindigkeit (m/s)", "8,1", "top_ms"),
    ("Höchstgeschwindigkeit [m/s]", "8,1", "top_ms"), ("Vitesse max (m/s)", "8,1", "top_ms"),
    ("Höchstgeschwindigkeit [km/h]", "29,16", "top_kmh"),
    ("Max. Geschwindigkeit [km/h]", "29,16", "top_kmh"), ("Top speed [km/h]", "29,16", "top_kmh"),
    ("Höchstgeschwindigkeit (%)", "90", "top_pct"), ("Höchstgeschwindigkeit %", "90", "top_pct"),
    ("Max. Geschwindigkeit [%]", "90", "top_pct"),
])
def test_german_top_speed_headers_with_a_unit_are_read(tmp_path, s, header, value, field):
    """A German GPS export's "Max. Geschwindigkeit (m/s)", "Höchstgeschwindigkeit [km/h]" or
    "Höchstgeschwindigkeit (%)" was "Not read": its sessions were stored without their top
    speeds, so every exposure of the log counted as none. Each is read as its English form."""
    p = write(tmp_path, f"sep=;\nSpieler;Datum;Dauer;RPE;{header}\nAnn Ash;05.01.2027;70;6;{value}\n")
    r = read_sessions(p, s)
    assert r.mapping[field] == header and "Not read" not in r.text()
    top = r.sessions[0]
    assert (top.top_speed_pct or round(100 * top.top_speed_ms / 9.0)) == 90


def test_a_german_speed_and_its_percent_are_two_fields_and_a_unit_twice_is_refused(tmp_path, s):
    """The % column beside the km/h one is its own field; the same speed under two headers (no
    unit and m/s) is refused as the English ones are, not one of them guessed."""
    both = read_sessions(write(tmp_path, "Spieler;Datum;Dauer;RPE;Höchstgeschwindigkeit [km/h];"
                                         "Höchstgeschwindigkeit (%)\nAnn Ash;05.01.2027;70;6;29,16;90\n"), s)
    assert (both.mapping["top_kmh"], both.mapping["top_pct"]) == (
        "Höchstgeschwindigkeit [km/h]", "Höchstgeschwindigkeit (%)")
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, "Spieler;Datum;Dauer;RPE;Höchstgeschwindigkeit;"
                                      "Max. Geschwindigkeit (m/s)\nAnn Ash;05.01.2027;70;6;8,1;8,1\n"
                                      "Bo Birch;06.01.2027;70;6;8,2;8,0\n"), s)
    assert e.value.problems[0].startswith("two columns could be ")


@pytest.mark.parametrize("header", [
    "Joueuse;Date;Durée (min);RPE;Vitesse max (km/h);Minutes jouées;Douleur;Commentaire",
    # typed without the accents
    "Athlete;Date;Duree (min);RPE;Vitesse max (km/h);Minutes jouees;Douleur;Commentaire",
    "Athlète;Date;Durée;RPE;Vitesse maximale;Minutes jouées;Douleur;Remarque",
])
def test_a_french_header_log_is_read(tmp_path, s, header):
    p = write(tmp_path, f"{header}\nAnn Ash;05.01.2027;72,5;6;32,4;;2;\"vite; bien\"\n"
                        f"Bo Birch;06.01.2027;90;7;31,5;60;;\n")
    r = read_sessions(p, s)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.minutes_played, x.pain, x.note)
            for x in r.sessions] == [("A1", day(1), 72.5, 6, None, 2, "vite; bien"),
                                     ("A2", day(2), 90, 7, 60, None, "")]
    assert [x.top_speed_ms for x in r.sessions] == [pytest.approx(9.0), pytest.approx(8.75)]
    assert sorted(r.mapping.values()) == sorted(header.split(";"))


def test_identical_sessions_of_a_day_say_the_load_left_out_and_the_way_to_keep_them(tmp_path, s):
    """Three 45 min x RPE 6.5 sessions of one athlete on one day (AM, PM and an extra) said
    "Counted once: row 3 repeats row 2" alone: 585 AU dropped on a guess, unsaid. The rows
    counted once say the load left out and, once, how to keep them; a Note tells them apart."""
    head = "Athlete ID,Date,Minutes,RPE,Note\n"
    r = read_sessions(write(tmp_path, head + f"A1,{day(1)},45,6.5,\n" * 3), s)
    assert [(x.minutes, x.rpe) for x in r.sessions] == [(45, 6.5)]
    counted = [line for line in r.text().splitlines() if line.startswith("Counted once")]
    assert counted == [
        "Counted once: row 3 repeats row 2 (293 AU left out)",
        "Counted once: row 4 repeats row 2 (293 AU left out)",
        "Counted once: 2 rows repeating another row of the log, 585 AU left out; if they were "
        "separate sessions, give each a different Note (e.g. AM, PM) and import again"]
    assert r.text(short=True).splitlines()[-1] == (
        "2 rows repeating another row of the log, counted once (585 AU left out; if they were "
        "separate sessions, give each a different Note (e.g. AM, PM) and import again)")
    one = read_sessions(write(tmp_path, head + f"A1,{day(1)},45,6.5,\n" * 2), s)
    assert [line for line in one.text().splitlines() if line.startswith("Counted once")] == [
        "Counted once: row 3 repeats row 2 (293 AU left out); if they were separate sessions, "
        "give each a different Note (e.g. AM, PM) and import again"]
    kept = read_sessions(write(tmp_path, head + "".join(f"A1,{day(1)},45,6.5,{n}\n"
                                                        for n in ("AM", "PM", "extra"))), s)
    assert [x.note for x in kept.sessions] == ["AM", "PM", "extra"] and not kept.repeated
    logged = E.LogSessions(sessions=tuple(kept.sessions)).apply(s)
    assert sum(x.load for x in logged.sessions if x.date == day(1)) == 3 * 292.5


def test_a_log_imported_again_leaves_no_load_out(tmp_path, s):
    """Rows the season holds already are counted once with no load said left out: the season
    has it."""
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},45,6\n")
    logged = E.LogSessions(sessions=tuple(read_sessions(p, s).sessions)).apply(s)
    again = read_sessions(p, logged)
    assert again.repeated == ["row 2 is already in the season"] and again.again == 0
    assert "AU left out" not in again.text() and "AU left out" not in again.text(short=True)


def test_a_club_wide_export_is_read_for_this_squad_when_asked_leaving_the_others_out(tmp_path, s):
    """A club-wide GPS export (both squads in one file) was refused for every player of the other
    squad ('no athlete has that ID or name'), nothing logged. Read with only_squad, the rows
    whose player is no one of the squad are left out, said in one line; a near miss of a squad
    member ('Ann Asj') and another spelling of one ('A. Ash') are still refused, as before."""
    from planner.sessionlog import LogError

    head = "Player,Date,Duration,RPE\n"
    ours = f"Ann Ash,{day(1)},60,5\nBo Birch,{day(1)},50,4\n"
    theirs = (f"Tom Berger,{day(1)},70,6\nLuis Ortega,{day(1)},70,6\nTom Berger,{day(2)},65,5\n"
              f"Total,{day(1)},250,5\n")
    p = write(tmp_path, head + ours + theirs + f"Ann Asj,{day(2)},40,3\nA. Ash,{day(3)},40,3\n")
    with pytest.raises(LogError) as e:
        read_sessions(p, s)
    assert e.value.others == {"Tom Berger": 2, "Luis Ortega": 1}  # not the summary row, nor the near misses
    assert ("3 rows of 2 players not in this squad: Tom Berger, Luis Ortega; to leave their rows "
            "out and read this squad's, run the command again with --only-this-squad.") in e.value.note
    with pytest.raises(LogError) as e:
        read_sessions(p, s, only_squad=True)
    said = e.value.problems
    assert not any("Tom Berger" in x or "Luis Ortega" in x for x in said)
    assert any(x.startswith("row 8, Player: 'Ann Asj': no athlete has that ID or name; did you "
                            "mean Ann Ash (A1)?") for x in said)
    assert any("'A. Ash' is no athlete: Ann Ash (A1)?" in x for x in said)
    assert any(x.startswith("row 7: 'Total' is a summary") for x in said)
    assert e.value.others == {} and "--only-this-squad" not in e.value.note
    r = read_sessions(write(tmp_path, head + ours + theirs[:theirs.index("Total")]), s,
                      only_squad=True)
    assert sorted((x.athlete, x.minutes) for x in r.sessions) == [("A1", 60), ("A2", 50)]
    assert r.others_line() == "3 rows of 2 players not in this squad left out: Tom Berger, Luis Ortega"
    assert r.others_line() in r.text().splitlines()
    # many players: eight named, the rest as '…'; none of the squad: said so, not "a header row only"
    many = "".join(f"Player {c},{day(1)},60,5\n" for c in "BCDEFGHIJK")
    r = read_sessions(write(tmp_path, head + many), s, only_squad=True)
    assert r.sessions == [] and r.others_line() == (
        "10 rows of 10 players not in this squad left out: Player B, Player C, Player D, Player E, "
        "Player F, Player G, Player H, Player I, …")
    assert r.nothing_new() == f"No row of the log is of this squad: {r.others_line()}."


def test_an_id_written_with_a_space_or_another_number_of_zeros_is_a_near_miss_never_another_squad(
        tmp_path, s):
    """'A 05' and 'A5' for A05 were read as players of another squad: --only-this-squad left
    their rows out (his load lost) and the refusal proposed no one. They are near misses of
    the squad member's ID, refused with the proposal; another number (A2 for A1) is not."""
    from planner.sessionlog import LogError, other_squad_rows
    from planner.squad import near_id

    assert near_id("A 05", ["A05", "A06"]) == near_id("a5", ["A05", "A06"]) == "A05"
    assert near_id("A22", ["A27"]) is None and near_id("A 5", ["A05", "A5"]) is None
    head = "Player,Date,Duration,RPE\n"
    rows = (f"Ann Ash,{day(1)},60,5\nA 1,{day(2)},50,4\nA01,{day(3)},50,4\n"
            f"Tom Berger,{day(1)},70,6\n")
    p = write(tmp_path, head + rows)
    for only in (False, True):
        with pytest.raises(LogError) as e:
            read_sessions(p, s, only_squad=only)
        said = e.value.problems
        assert [x for x in said if "did you mean Ann Ash (A1)?" in x] == [
            "row 3, Player: 'A 1': no athlete has that ID or name; did you mean Ann Ash (A1)?",
            "row 4, Player: 'A01': no athlete has that ID or name; did you mean Ann Ash (A1)?"]
        assert e.value.others == ({} if only else {"Tom Berger": 1})
    import pandas as pd

    frame = pd.DataFrame({"Player": ["A 1", "A01", "A2 ", "B1", "Tom Berger"]})
    assert other_squad_rows(frame, {"athlete": "Player"}, s) == {3: "B1", 4: "Tom Berger"}


def test_a_club_wide_export_refused_says_its_other_squads_players_first_in_one_line(tmp_path, s):
    """A club-wide export refused printed a line a row for each other squad's player (198 of
    them, cut off at 200) and named --only-this-squad only at the end, if at all. Now its
    first problem is one line (how many rows of how many players, the flag); then the squad's
    near misses row by row; no row of another squad's player is listed. Three rows or fewer
    (a name mistyped in the squad's own log) are still located each, with the squad's IDs."""
    from planner.sessionlog import LogError

    head = "Player,Date,Duration,RPE\n"
    theirs = "".join(f"Player {c},{day(d)},60,5\n" for d in range(1, 12) for c in "BCDEFGHIJK")
    p = write(tmp_path, head + f"Ann Ash,{day(1)},60,5\n" + theirs + f"Ann Asj,{day(2)},40,3\n"
              f"Bo Birch,{day(2)},40,99\n")
    with pytest.raises(LogError) as e:
        read_sessions(p, s)
    said = e.value.problems
    assert said[0] == (
        "110 rows of 10 players not in this squad: Player B, Player C, Player D, Player E, "
        "Player F, Player G, Player H, Player I, …; to leave their rows out and read this "
        "squad's, run the command again with --only-this-squad.")
    assert len(said) == 3 and not any("Player B" in x for x in said[1:])
    assert said[1].startswith("row 113, Player: 'Ann Asj': no athlete has that ID or name; did "
                              "you mean Ann Ash (A1)?")
    assert said[2].startswith("row 114") and "RPE" in said[2]
    assert "--only-this-squad" not in e.value.note and e.value.more == 0


def test_zero_minutes_and_no_rpe_is_a_day_without_training_in_a_csv_and_a_workbook(tmp_path, s):
    """Monitoring exports write a player who did not train (ill, absent) as Duration 0 and no
    RPE: it was refused as "RPE: missing", while the Log reads 0 as a day without training. It
    is read as 0 minutes at RPE 0 (RPE '-' or 0 alike), said; minutes above 0 with no RPE are
    still refused."""
    text = (f"Player,Date,Duration,RPE,Notes\nAnn Ash,{day(1)},0,,ill - did not train\n"
            f"Bo Birch,{day(1)},0,-,\nCy Cedar,{day(1)},0,0,\nAnn Ash,{day(2)},60,5,\n")
    r = read_sessions(write(tmp_path, text), s)
    assert [(x.athlete, x.minutes, x.rpe, x.note) for x in r.sessions] == [
        ("A1", 0, 0, "ill - did not train"), ("A2", 0, 0, ""), ("A3", 0, 0, ""), ("A1", 60, 5, "")]
    assert ("Rows 2, 3: 0 minutes and no RPE, read as days without training (0 minutes, RPE 0), "
            "as the app's Log reads 0") in r.notes
    wb = openpyxl.Workbook()
    wb.active.append(["Athlete ID", "Date", "Minutes", "RPE"])
    wb.active.append(["A2", dt.datetime(2027, 1, 12), 0, None])
    wb.active.append(["A3", dt.datetime(2027, 1, 12), 45, None])
    wb.save(tmp_path / "log.xlsx")
    with pytest.raises(InputError) as e:  # 45 minutes with no RPE: still refused, alone
        read_sessions(tmp_path / "log.xlsx", s)
    assert e.value.problems == [
        "row 3 (A3, 2027-01-12), RPE: missing; write the session RPE (0-10), or 0 minutes and RPE 0 "
        "for a day without training"]
    wb.active.delete_rows(3)
    wb.save(tmp_path / "log.xlsx")
    assert [(x.athlete, x.minutes, x.rpe) for x in read_sessions(tmp_path / "log.xlsx", s).sessions] \
        == [("A2", 0, 0)]


def test_an_rpe_that_is_no_number_or_a_dash_names_the_athlete_the_day_and_the_fix(tmp_path, s):
    """"row 49, RPE: '-' is not a number; write session RPE on the CR-10 scale" named neither
    the athlete nor the day, nor what a day without training is: a '-' reads as missing, and
    both say whose row it is and the fix."""
    text = (f"Player,Date,Duration,RPE\nAnn Ash,{day(1)},45,-\nBo Birch,{day(1)},45,hard\n"
            f"Cy Cedar,{day(1)},-,5\n")
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert e.value.problems == [
        f"row 2 (Ann Ash, {day(1)}), RPE: missing; write the session RPE (0-10), or 0 minutes and "
        f"RPE 0 for a day without training",
        f"row 3 (Bo Birch, {day(1)}), RPE: 'hard' is not a number; write the session RPE (0-10), "
        f"or 0 minutes and RPE 0 for a day without training",
        f"row 4 (Cy Cedar, {day(1)}), Duration: missing; write the session's minutes, or 0 minutes "
        f"and RPE 0 for a day without training"]


def test_an_rpe_minutes_or_pain_out_of_range_names_the_athlete_the_day_and_the_fix(tmp_path, s):
    """"row 49, RPE: 14 is outside 0-10" named neither the athlete nor the day, where a missing
    RPE did: out of range, the row says whose it is and what to write, as a missing one does."""
    text = (f"Player,Date,Duration,RPE,Pain\nAnn Ash,{day(1)},45,14,\nBo Birch,{day(2)},700,5,\n"
            f"Cy Cedar,{day(3)},60,5,12\nAnn Ash,{day(4)},60,5,3\n")
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert e.value.problems == [
        f"row 2 (Ann Ash, {day(1)}), RPE: 14 is outside 0-10; write the session RPE (0-10)",
        f"row 3 (Bo Birch, {day(2)}), Duration: 700 is outside 0-600; write the session's minutes",
        f"row 4 (Cy Cedar, {day(3)}), Pain: 12 is outside 0-10; write pain on a 0-10 scale"]
    # the rows named are the rows left out, said with whose they are; the good row is read
    r = read_sessions(write(tmp_path, text), s, skip_bad=True)
    assert [(x.athlete, x.date, x.rpe) for x in r.sessions] == [("A1", day(4), 5)]
    assert r.skipped_line() == (f"3 rows left out: row 2 (Ann Ash, {day(1)}), row 3 (Bo Birch, "
                                f"{day(2)}), row 4 (Cy Cedar, {day(3)})")


def test_a_top_speed_or_minutes_played_out_of_range_names_the_athlete_the_day_and_the_fix(tmp_path, s):
    """"row 7, Top speed %: 130 is outside 0-110" named neither the athlete nor the day, where an
    RPE out of range did: a top speed (in % or m/s) or minutes played out of range says whose
    row it is and what to write too."""
    text = (f"Player,Date,Duration,RPE,Top speed %,Minutes played\nAnn Ash,{day(1)},60,5,130,\n"
            f"Bo Birch,{day(2)},60,5,90,-5\nCy Cedar,{day(3)},60,5,85,\n")
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, text), s)
    assert e.value.problems == [
        f"row 2 (Ann Ash, {day(1)}), Top speed %: 130 is outside 0-110; write top speed in % of "
        f"the athlete's max speed",
        f"row 3 (Bo Birch, {day(2)}), Minutes played: -5 is outside 0-600; write minutes played "
        f"in a match"]
    r = read_sessions(write(tmp_path, text), s, skip_bad=True)
    assert [(x.athlete, x.date) for x in r.sessions] == [("A3", day(3))]
    assert r.skipped_line() == (f"2 rows left out: row 2 (Ann Ash, {day(1)}), row 3 (Bo Birch, "
                                f"{day(2)})")
    ms = f"Player,Date,Duration,RPE,Top speed m/s\nBo Birch,{day(2)},60,5,17.5\n"
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, ms), s)
    assert e.value.problems == [f"row 2 (Bo Birch, {day(2)}), Top speed m/s: 17.5 is outside "
                                f"0-16.5; write top speed in m/s (if the column is in km/h, name "
                                f"it 'Top speed km/h')"]


def test_skip_bad_leaves_out_the_rows_named_and_reads_the_rest(tmp_path, s):
    """One row with a problem refused a week's rows with no way round it: read with
    ``skip_bad``, the rows each problem names are left out, said with their problems, and the
    others read; a problem no row carries (a max speed missing) is no row to leave out."""
    from planner.sessionlog import LogError

    p = write(tmp_path, f"Player,Date,Duration,RPE\nAnn Ash,{day(1)},45,-\nBo Birch,{day(1)},60,5\n"
                        f"Cy Cedar,{day(1)},60,11\nCy Cedar,{day(2)},30,3\n")
    with pytest.raises(LogError) as e:
        read_sessions(p, s)
    assert e.value.bad_rows() == [2, 4] and e.value.rows == 4
    r = read_sessions(p, s, skip_bad=True)
    assert [(x.athlete, x.date, x.minutes, x.rpe) for x in r.sessions] == [
        ("A2", day(1), 60, 5), ("A3", day(2), 30, 3)]
    assert r.skipped == e.value.problems
    assert r.skipped_line() == f"2 rows left out: row 2 (Ann Ash, {day(1)}), row 4 (Cy Cedar, {day(1)})"
    assert f"Left out: row 2 (Ann Ash, {day(1)}), RPE: missing; write the session RPE" in r.text()
    s2 = s.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": None})
                                                for a in s.athletes)})
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Top speed m/s\nA1,{day(1)},60,5,8.5\n"
                        f"A2,{day(1)},60,,\n")
    with pytest.raises(LogError) as e:
        read_sessions(p, s2, skip_bad=True)
    assert e.value.skippable == [] and e.value.bad_rows() == []
    # a per-drill export's session with two RPEs: leaving its first row out read the session as
    # its second drill alone (40 of 60 minutes), so it is no row to leave out
    p = write(tmp_path, "Player Name,Date,Session Title,Drill Title,Total Duration,RPE\n"
                        f"Ann Ash,{day(1)},PM,Warm Up,00:20:00,6\nAnn Ash,{day(1)},PM,SSG,00:40:00,7\n"
                        f"Bo Birch,{day(1)},PM,SSG,00:40:00,5\n")
    with pytest.raises(LogError) as e:
        read_sessions(p, s, skip_bad=True)
    assert e.value.skippable == [] and "RPE" in e.value.problems[0]


def test_a_km_h_column_holding_m_s_is_refused_for_a_squad_not_for_one_rehab_jog(tmp_path, s):
    """A GPS export's m/s under a 'Max Velocity (km/h)' header was read as km/h: 8.1 became
    2.25 m/s, and every sprint of the month was lost without a word. A squad's log whose every
    speed is below a jog's 12 km/h is refused with the header to write; one player's slow rehab
    session alone is read as km/h."""
    head = "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
    p = write(tmp_path, head + f"Ann Ash,{day(1)},75,5,6.5\nBo Birch,{day(1)},75,5,8.4\n"
                               f"Cy Cedar,{day(1)},75,5,7.2\nAnn Ash,{day(2)},60,6,\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        "Max Velocity (km/h): every top speed of its 3 athletes is below 12 km/h (the fastest is "
        "8.4, row 3): read as km/h, as the column's header says, 8.4 is 2.33 m/s, slower than any "
        "athlete sprints, and no session would count as a sprint; if the column holds m/s, head "
        "it 'Top speed m/s'"]
    fixed = write(tmp_path, p.read_text().replace("(km/h)", "(m/s)"), "fixed.csv")
    assert [x.top_speed_ms for x in read_sessions(fixed, s).sessions] == [6.5, 8.4, 7.2, None]
    one = write(tmp_path, head + f"Ann Ash,{day(1)},75,5,8.1\nAnn Ash,{day(2)},40,3,9.5\n", "rehab.csv")
    assert [round(x.top_speed_ms, 2) for x in read_sessions(one, s).sessions] == [2.25, 2.64]
    team = write(tmp_path, head + f"Ann Ash,{day(1)},75,5,6.5\nBo Birch,{day(1)},75,5,12.4\n"
                                  f"Cy Cedar,{day(1)},75,5,7.2\n", "team.csv")
    assert len(read_sessions(team, s).sessions) == 3  # one faster than a jog: km/h as headed


def test_a_recovery_jog_logged_in_km_h_is_read_not_taken_for_m_s(tmp_path, s):
    """An MD+1 recovery jog's GPS export (every athlete at 9-12 km/h, nobody sprinting) was
    refused whole as m/s under a km/h header, its minutes and RPE lost with it. Read as m/s,
    10.8 is 120 % of a 9 m/s max: no athlete's sprint, so the column is km/h as headed. The
    same speeds for athletes whose max they are near (m/s) are still refused."""
    four = s.model_copy(update={"athletes": s.athletes + (s.athletes[0].model_copy(
        update={"id": "A4", "name": "Di Dune"}),)})
    head = "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
    rows = "".join(f"{n},{day(13)},40,2,{v}\n" for n, v in
                   zip(("Ann Ash", "Bo Birch", "Cy Cedar", "Di Dune"), (10.8, 11.4, 11.9, 9.6),
                       strict=True))
    p = write(tmp_path, head + rows)
    got = read_sessions(p, four).sessions
    assert [(x.minutes, x.rpe, round(x.top_speed_ms, 2)) for x in got] == [
        (40, 2, 3.0), (40, 2, 3.17), (40, 2, 3.31), (40, 2, 2.67)]
    fast = four.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 11.8}) for a in four.athletes)})
    with pytest.raises(InputError) as e:
        read_sessions(p, fast)  # 82-101 % of an 11.8 m/s max: m/s under a km/h header
    assert e.value.problems[0].startswith(
        "Max Velocity (km/h): every top speed of its 4 athletes is below 12 km/h")
    # a match in m/s whose GPS peaks pass a max tested months before (106-110 % of 9 m/s), and
    # a recovery day in m/s (about half the max): both m/s under a km/h header, refused, not
    # divided by 3.6 with every sprint lost
    for speeds in ((9.5, 9.7, 9.9, 9.6), (4.6, 5.0, 4.4, 4.8)):
        body = "".join(f"{n},{day(13)},90,7,{v}\n" for n, v in
                       zip(("Ann Ash", "Bo Birch", "Cy Cedar", "Di Dune"), speeds, strict=True))
        with pytest.raises(InputError) as e:
            read_sessions(write(tmp_path, head + body), four)
        assert "below 12 km/h" in e.value.problems[0], speeds


def test_a_duration_written_with_an_h_is_read_as_its_minutes(tmp_path, s):
    """A volunteer typed '1h30' for a 90-minute session: it was refused as "not a number".
    '1h30', '1 h 30' and '1h' read as 90, 90 and 60 minutes, in Minutes and Minutes played; a
    minute of one digit with no unit ('1h5': 1 h 05 or 1 h 50?) is still refused."""
    r = read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                      f"A1,{day(1)},1h30,5,\nA2,{day(1)},1 h 30,7,1h\n"
                                      f"A3,{day(1)},2h05,4,\n"), s)
    assert [(x.athlete, x.minutes, x.minutes_played) for x in r.sessions] == [
        ("A1", 90, None), ("A2", 90, 60), ("A3", 125, None)]
    with pytest.raises(InputError) as e:
        read_sessions(write(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},1h5,5\n"), s)
    assert len(e.value.problems) == 1 and "'1h5' is not a number" in e.value.problems[0]


def test_a_top_speed_read_in_km_h_is_stored_to_a_hundredth_of_a_m_s(tmp_path, s):
    """23.4 km/h was stored as 6.499999999999999 m/s (23.4 / 3.6 in floating point): what a coach
    saw in the season file. Each speed converted from km/h is kept to 0.01 m/s."""
    speeds = (23.4, 31.2, 34.6, 29.9)
    rows = "".join(f"A1,{day(i + 1)},60,5,{v}\n" for i, v in enumerate(speeds))
    p = write(tmp_path, "Athlete ID,Date,Minutes,RPE,Max Velocity (km/h)\n" + rows)
    got = [x.top_speed_ms for x in sorted(read_sessions(p, s).sessions, key=lambda x: x.date)]
    for ms, kmh in zip(got, speeds, strict=True):
        assert ms == round(ms, 2), ms  # no float noise left
        assert abs(ms - kmh / 3.6) <= 0.005  # and still the speed logged
    assert repr(got[0]) == "6.5"


def test_a_log_read_again_over_a_speed_stored_before_it_was_kept_to_a_hundredth_is_no_new_session(
        tmp_path, s):
    """A season that stored 23.4 km/h as 6.499999999999999 m/s (before speeds read in km/h were
    kept to 0.01 m/s) met the same log again as "other sessions logged" on that day, both said
    "top 23.4 km/h". It is the row the season holds, counted once."""
    from planner.season import Session

    noisy = Session(athlete="A1", date=day(1), minutes=60, rpe=5, top_speed_ms=23.4 / 3.6)
    assert noisy.top_speed_ms != round(noisy.top_speed_ms, 2)  # the float noise stored before
    held = s.model_copy(update={"sessions": (noisy,)})
    p = write(tmp_path, f"Athlete ID,Date,Minutes,RPE,Max Velocity (km/h)\nA1,{day(1)},60,5,23.4\n")
    r = read_sessions(p, held)
    assert r.sessions == [] and r.already == [noisy]


def test_a_km_h_column_holding_m_s_for_one_or_two_athletes_is_said_first(tmp_path, s):
    """A physio's export of one rehab player, 7.4 and 7.9 m/s under 'Max Velocity (km/h)', was
    read as 2.06 and 2.19 m/s without a word: an 86 % run above the stage's cap became a 24 %
    jog. One or two players' slow speeds may be a rehab jog, so they are read as headed, but
    said first, with the rows, the figures both ways and the header to write."""
    head = "Player,Date,Duration,RPE,Max Velocity (km/h)\n"
    one = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},40,5,7.4\n"
                                                f"Ann Ash,{day(2)},45,6,7.9\n"), s)
    assert [x.top_speed_ms for x in one.sessions] == [2.06, 2.19]
    assert one.loud == [
        "'Max Velocity (km/h)' (rows 2, 3): every top speed is below 12 km/h, a jog; Ann Ash "
        "(A1)'s fastest, 7.9, reads as 2.19 m/s, 24 % of max speed (as m/s: 88 %). If these are "
        "m/s, head the column 'Top speed m/s' and read the log again (replacing the sessions "
        "stored from it, if saved)"]
    assert one.text().splitlines()[0] == one.loud[0]
    two = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},75,7,8.7\n"
                                                f"Bo Birch,{day(1)},75,6,8.9\n"), s)
    assert len(two.loud) == 1 and "(rows 2, 3)" in two.loud[0]
    assert "Ann Ash (A1)'s fastest, 8.7, reads as 2.42 m/s" in two.loud[0]
    assert "Bo Birch (A2)'s fastest, 8.9, reads as 2.47 m/s, 27 % of max speed (as m/s: 99 %)" in two.loud[0]
    # a rehab jog faster than any max as m/s, or a real km/h sprint: nothing said
    for v in (11.4, 30.2):
        fine = read_sessions(write(tmp_path, head + f"Ann Ash,{day(1)},40,3,{v}\n", "f.csv"), s)
        assert fine.loud == [] and fine.sessions[0].top_speed_ms == round(v / 3.6, 2)


@pytest.mark.parametrize(("header", "value", "ms"), [
    ("Max Speed", "31.4", 8.72), ("Max Speed", "8.1", 8.1), ("Max Speed (kph)", "31.4", 8.72),
    ("Peak Velocity (km/h)", "30.6", 8.5), ("Peak Velocity", "8.3", 8.3),
    ("Top Speed [kph]", "29.5", 8.19)])
def test_statsports_max_speed_headers_are_the_top_speed(tmp_path, s, header, value, ms):
    """STATSports' plain 'Max Speed' (and 'Max Speed (kph)', 'Peak Velocity (km/h)') was not
    read: every top speed of the export dropped, its sessions imported, exit 0."""
    got = read_sessions(write(tmp_path, f"Player Display Name,Session Date,{header},RPE,Duration\n"
                                        f"Ann Ash,{day(1)},{value},6,75\n"), s)
    assert got.sessions[0].top_speed_ms == pytest.approx(ms, abs=0.005)
    assert not got.loud and not any("looks like a top speed" in n for n in got.notes)


def test_a_top_speed_in_mph_is_refused_naming_the_unit(tmp_path, s):
    """'Top Speed (mph)' was dropped with a one-line note and the sessions imported without a
    sprint; read as either unit its speeds would be wrong, so the log is refused with the sum."""
    p = write(tmp_path, f"Name,Date,Minutes,RPE,Top Speed (mph)\nAnn Ash,{day(1)},75,7,19.4\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        "'Top Speed (mph)' is in miles per hour, which Periodize does not read: convert its speeds "
        "to m/s (mph ÷ 2.237) and head the column 'Top speed m/s', or to km/h (mph × 1.609) and "
        "head it 'Top speed km/h'"]
    both = write(tmp_path, f"Name,Date,Minutes,RPE,Top Speed (mph),Top speed m/s\n"
                           f"Ann Ash,{day(1)},75,7,19.4,8.7\n", "both.csv")
    assert read_sessions(both, s).sessions[0].top_speed_ms == 8.7  # the m/s read, the mph said


def test_minutes_and_rpe_as_rpe_apps_write_them_are_read(tmp_path, s):
    """'75 min', "75'" and '7/10' (RPE apps, forms) were refused as 'not a number; write the
    session's minutes' though the cell held them; 'Session Duration (min)' and TeamBuildr's
    'Date Completed' were no column. Read; what stays ambiguous is still refused."""
    p = write(tmp_path, "Name,Date Completed,Session Duration (min),RPE,Pain\n"
                        f"Ann Ash,{day(1)},75',7/10,3/10\nBo Birch,{day(1)},75 min,6,\n"
                        f"Cy Cedar,{day(1)},90 Minutes,8 / 10,\nAnn Ash,{day(2)},3 min,2,\n")
    got = read_sessions(p, s)
    assert [(x.athlete, x.minutes, x.rpe, x.pain) for x in got.sessions] == [
        ("A1", 75, 7, 3), ("A2", 75, 6, None), ("A3", 90, 8, None), ("A1", 3, 2, None)]
    assert got.mapping["date"] == "Date Completed" and got.mapping["minutes"] == "Session Duration (min)"
    bad = write(tmp_path, f"Name,Date,Minutes,RPE,Pain\nAnn Ash,{day(1)},75 km,7/5,3/20\n", "bad.csv")
    with pytest.raises(InputError) as e:
        read_sessions(bad, s)
    assert [p.split(":")[0] for p in e.value.problems] == [
        f"row 2 (Ann Ash, {day(1)}), Minutes", f"row 2 (Ann Ash, {day(1)}), RPE",
        f"row 2 (Ann Ash, {day(1)}), Pain"]


def test_a_pain_not_a_number_and_a_row_without_a_name_are_located(tmp_path, s):
    """'row 2, Pain: 'x' is not a number' lacked the athlete and date the row's other lines
    gave; a totals row's empty name read "row 5, Spieler: '': no athlete has that ID or name
    (IDs: …)", as if a name were mistyped."""
    p = write(tmp_path, f"Spieler,Datum,Dauer,RPE,Pain\nAnn Ash,{day(1)},75,7,a bit\n"
                        f",{day(1)},195,5.3,\n")
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert e.value.problems == [
        f"row 2 (Ann Ash, {day(1)}), Pain: 'a bit' is not a number; write pain on a 0-10 scale, "
        "or leave the cell empty",
        "row 3 has no athlete (its 'Spieler' is empty): a totals row? delete it; else write the "
        "athlete's ID or name"]


def test_a_grouped_number_that_reads_one_way_in_its_column_is_read(tmp_path, s):
    """An OpenField export's '31,250' under a km/h header was refused as '31250 or 31.25', the
    whole export with it, though no one runs 31250 km/h. Read as 31.25, said once; '1.080'
    minutes (1080 is too long, 1.08 no session) is still refused."""
    p = write(tmp_path, "Spieler;Datum;Dauer;RPE;Max. Geschwindigkeit (km/h)\n"
                        f"Ann Ash;{day(1)};75;7;31,250\nBo Birch;{day(1)};75;6;30,125\n"
                        f"Cy Cedar;{day(1)};75,000;6;29,0\n")
    got = read_sessions(p, s)
    assert [(x.minutes, x.top_speed_ms) for x in got.sessions] == [(75, 8.68), (75, 8.37), (75, 8.06)]
    assert "'Max. Geschwindigkeit (km/h)': row 2 '31,250' read as 31.25 (31250 cannot be in this " \
           "column) and 1 more like it" in got.notes
    assert "'Dauer': row 4 '75,000' read as 75 (75000 cannot be in this column)" in got.notes
    bad = write(tmp_path, f"Spieler;Datum;Dauer;RPE\nAnn Ash;{day(1)};1.080;6\n", "bad.csv")
    with pytest.raises(InputError, match="'1.080' could be 1080 or 1.08"):
        read_sessions(bad, s)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_line_about_a_rows_value_names_its_athlete_and_date(tmp_path, s, kind):
    """A duration in hours, a top speed above the max and minutes played above the session's
    minutes were said as 'row 2, Minutes: …' beside 'row 3 (A06, 2026-11-30), Minutes: 700 …':
    a sorted GPS export had to be searched by row number."""
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s", "Minutes played")
    rows = [("A1", day(1), 1.25, 5, None, None), ("Ann Ash", day(2), 60, 5, 10.5, None),
            ("A2", day(3), 60, 5, None, 70), ("A3", day(3), 700, 5, None, None)]
    if kind == "csv":
        text = "\n".join(",".join("" if v is None else str(v) for v in r) for r in [head, *rows])
        p = write(tmp_path, text + "\n")
    else:
        wb = openpyxl.Workbook()
        for r in [head, *rows]:
            wb.active.append(list(r))
        p = tmp_path / "log.xlsx"
        wb.save(p)
    with pytest.raises(InputError) as e:
        read_sessions(p, s)
    assert [x.split(":")[0] for x in e.value.problems] == [
        f"row 2 (A1, {day(1)}), Minutes", f"row 3 (Ann Ash, {day(2)}), Top speed m/s",
        f"row 4 (A2, {day(3)}), Minutes played", f"row 5 (A3, {day(3)}), Minutes"]
    assert "1.25 min with RPE 5: hours? write 75" in e.value.problems[0]
    assert "10.5 m/s is more than 10 % above Ann Ash (A1)'s max speed" in e.value.problems[1]
    assert "70 minutes played is more than the session's 60 minutes" in e.value.problems[2]
