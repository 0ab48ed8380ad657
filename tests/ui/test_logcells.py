"""What a coach types into a session log cell (ui/desktop/logcells.py; no Qt)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planner.loadtable import LoadTable
from planner.rules import RuleSet
from planner.season import Athlete, RuleSettings, Session
from ui.desktop.logcells import CellError, parse_cell

A = Athlete(id="A1", name="Ann Ash", position="Forward", max_speed=9.0)
DAY = dt.date(2027, 1, 13)
TABLE = LoadTable.of(RuleSet())  # the default rule set's


def one(text: str):
    (s,) = parse_cell(text, A, DAY, TABLE)
    return s


def test_minutes_rpe_and_the_labelled_extras():
    s = one("95 6 95% m90 p3 # felt good")
    assert (s.minutes, s.rpe, s.top_speed_pct, s.minutes_played, s.pain, s.note) == (
        95, 6, 95, 90, 3, "felt good")


def test_minutes_typed_as_a_clock_read_as_a_logs_file_reads_them(tmp_path):
    """'1:15:00 7' was "'1:15:00' is not understood" though the CSV import reads 1:15:00 as 75
    minutes: the cell reads a clock with the log's helper; '1:15' is hours:minutes (below)."""
    from planner.sessionlog import read_sessions
    from tests.builders import day, season

    s = one("1:15:00 7 95%")
    assert (s.minutes, s.rpe, s.top_speed_pct) == (75, 7, 95)
    assert one("01:30:30 6").minutes == pytest.approx(90.5)
    assert one("rpe6 1:15:00").minutes == 75  # in any order, as labelled fields
    with pytest.raises(CellError, match="gives minutes twice"):
        one("1:15:00 75' 7")
    # the same clock read from a log's file
    log = tmp_path / "log.csv"
    log.write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},1:15:00,7\n", encoding="utf-8")
    (read,) = read_sessions(log, season(weeks=2, athletes=1, today=day(7))).sessions
    assert read.minutes == one("1:15:00 7").minutes


def test_minutes_typed_as_hours_and_minutes_are_read_as_a_logs_file_reads_them(tmp_path):
    """A coach typing a session of an hour and a quarter as '1:15 7' was refused ("could be
    hours:minutes or minutes:seconds"), though no session lasts 1 min 15 s and a log's file of
    such clocks is read as hours:minutes. The cell reads h:mm with the log's own function; a
    clock it cannot read says the forms it takes."""
    from planner.sessionlog import hours_minutes, read_sessions
    from tests.builders import day, season

    typed = {"1:15": 75, "0:45": 45, "1:30": 90, "2:05": 125}
    for text, minutes in typed.items():
        s = one(f"{text} 6 95%")
        assert (s.minutes, s.rpe, s.top_speed_pct) == (minutes, 6, 95), text
        assert hours_minutes(text) == minutes
    assert one("rpe7 1:15").minutes == 75  # in any order
    with pytest.raises(CellError, match="gives minutes twice"):
        one("1:15 75' 7")
    forms = "minutes are typed as 75, as hours:minutes 1:15 or 1h15, or as 1:15:00"
    # 90:00 was refused and stays so (minutes:seconds is not read in a cell); 0:03 is too short
    # for a session as hours:minutes, and 4:30 longer than any: each with both its readings
    for text, said in (("90:00", "type 90 if it is minutes:seconds"),
                       ("0:03", "type 3 if it is hours:minutes, or 0.05 if it is minutes:seconds"),
                       ("4:30", "type 270 if it is hours:minutes, or 4.5 if it is minutes:seconds"),
                       ("1:75", "is not a time (minutes and seconds go up to 59)")):
        with pytest.raises(CellError) as e:
            one(f"{text} 6")
        assert str(e.value) == (f"'{text}' {said}; {forms}" if text == "1:75" else
                                f"'{text}' is a time, not a number of minutes: {said}; {forms}")
    # a log's file of the same clocks: the same minutes, and the same refusal of 0:03
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"A1,{day(i)},{text},6\n" for i, text in enumerate(typed)), encoding="utf-8")
    got = read_sessions(log, season(weeks=2, athletes=1, today=day(7))).sessions
    assert sorted(x.minutes for x in got) == sorted(one(f"{t} 6").minutes for t in typed)
    log.write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},1:15,6\nA1,{day(2)},0:03,6\n",
                   encoding="utf-8")
    from planner.errors import PeriodizeError

    with pytest.raises(PeriodizeError, match="row 3.*'0:03' is a time, not a number of minutes"):
        read_sessions(log, season(weeks=2, athletes=1, today=day(7)))


def test_minutes_typed_with_an_h_are_read_as_the_workbook_and_a_log_read_them(tmp_path):
    """'1h30 6' was "'1h30' is not understood" (and '1 h 30 6' refused at its 'h'), though a
    workbook's Sessions sheet and a log's file read 1h30, 1 h 30 and 1h as minutes. The cell
    reads them with the same function (planner.coachform.cells.hours_text): the same minutes,
    a form it does not read (1h5: 1 h 05 or 1 h 50?) refused there too, here with the forms."""
    from planner.coachform.cells import hours_text
    from planner.sessionlog import read_sessions
    from tests.builders import day, season

    typed = ("1h30", "1 h 30", "1h", "2H", "1h 15min", "0h45")
    for text in typed:
        s = one(f"{text} 6 95% p2")
        assert (s.minutes, s.rpe, s.top_speed_pct, s.pain) == (hours_text(text), 6, 95, 2), text
    assert [one(f"{t} 6").minutes for t in ("1h30", "1 h 30", "1h")] == [90, 90, 60]
    assert one("1h 30 6").minutes == 90  # the longest reading: an hour and a half, RPE 6
    assert one("rpe7 1h15").minutes == 75  # in any order
    assert [s.minutes for s in parse_cell("1h30 6; 30 5", A, DAY, TABLE)] == [90, 30]
    with pytest.raises(CellError, match="gives minutes twice"):
        one("1h30 75' 7")
    with pytest.raises(CellError) as e:
        one("1h5 6")
    assert str(e.value) == ("'1h5' is not understood; minutes are typed as 75, as hours:minutes "
                            "1:15 or 1h15, or as 1:15:00")
    assert hours_text("1h5") is None  # refused by the workbook's reading too
    # a log's file of the same texts: the same minutes
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"A1,{day(i)},{text},6\n" for i, text in enumerate(typed)), encoding="utf-8")
    got = read_sessions(log, season(weeks=2, athletes=1, today=day(7))).sessions
    assert sorted(x.minutes for x in got) == sorted(one(f"{t} 6").minutes for t in typed)


def test_0_alone_is_a_day_without_training():
    s = one("0 # ill")
    assert (s.minutes, s.rpe, s.note) == (0, 0, "ill")


@pytest.mark.parametrize("text, minutes, rpe", [("m20", 30, 7), ("m90", 95, 8), ("m45", 95, 8),
                                                ("m40", 40, 7), ("m44", 44, 7)])
def test_minutes_played_alone_is_the_match_session(text, minutes, rpe):
    s = one(text)
    assert (s.minutes, s.rpe, s.minutes_played) == (minutes, rpe, float(text[1:]))


def test_minutes_played_alone_on_a_day_without_a_match_is_refused():
    """'m60' alone on a training day logged a 95-minute RPE 8 match session (760 AU) for a
    match that was not played; with minutes and RPE it is logged as typed."""
    with pytest.raises(CellError, match="m60 alone: minutes played alone on a day with no "
                                        "competition; write the session's minutes and RPE"):
        parse_cell("m60", A, DAY, TABLE, match_days=set())
    (s,) = parse_cell("60 5 m60", A, DAY, TABLE, match_days=set())
    assert (s.minutes, s.rpe, s.minutes_played) == (60, 5, 60)
    (s,) = parse_cell("m60", A, DAY, TABLE, match_days={DAY})  # a match that day
    assert (s.minutes, s.rpe, s.minutes_played) == (95, 8, 60)


def test_a_cell_s_minutes_played_alone_is_read_by_the_log_s_one_rule_in_the_cell_s_words():
    """The Log panel kept its own copy of the rule for 'm90' alone (its refusals, its match
    day): it reads it as a log's or a workbook's row does (sessionlog.match_alone), in its own
    words (what to type, not which column to fill)."""
    from planner.sessionlog import NO_MATCH_DAY, NONE_PLAYED, Refusal, match_alone
    from ui.desktop.logcells import ALONE

    cell = match_alone(60, TABLE, DAY, set(), ALONE)
    assert cell == Refusal(NO_MATCH_DAY, "m60 alone: minutes played alone on a day with no "
                                         "competition; write the session's minutes and RPE, or "
                                         "the competition's date")
    with pytest.raises(CellError) as e:
        parse_cell("m60", A, DAY, TABLE, match_days=set())
    assert str(e.value) == cell.words
    row = match_alone(0, TABLE, DAY, {DAY})
    assert row.kind == NONE_PLAYED and row.words.startswith("0 without Minutes and RPE: no match")
    assert match_alone(0, TABLE, DAY, {DAY}, ALONE).words == (
        "m0 alone: no match was played, so there is no match session to log; type what the "
        "player did (e.g. 45 5 m0), or 0 for no training")
    assert match_alone(90, TABLE, DAY, None) == match_alone(90, TABLE, None, set()) == (95, 8)


def test_minutes_played_alone_is_the_season_s_own_match_session():
    """A season whose load table says a started match is 90 min x RPE 6 logged 'm90' as the
    default 95 x 8: the logged load of a match (760 AU) was not the 540 AU the plan gave it."""
    table = LoadTable.of(RuleSet(RuleSettings(values={"LD-1": {
        "minutes_start": 90, "rpe_start": 6, "minutes_bench": 25, "rpe_bench": 5}})))
    assert table.match("start") == (90, 6)
    got = [(s.minutes, s.rpe) for t in ("m90", "m45", "m20", "m40")
           for s in parse_cell(t, A, DAY, table)]
    assert got == [(90, 6), (90, 6), (25, 5), (40, 5)]


@pytest.mark.parametrize("text, says", [("75", "no RPE"), ("75 6 7", "say what it is"),
                                        ("fast", "not understood"), ("75 11", "RPE"),
                                        ("30 5 m90", "90 minutes played is more than the "
                                                     "session's 30 minutes")])
def test_what_cannot_be_read_says_what_to_type(text, says):
    with pytest.raises(CellError, match=says):
        parse_cell(text, A, DAY, TABLE)


@pytest.mark.parametrize("text, wrong", [
    ("1h30 75 6", "75"), ("1:30 75 6", "75"), ("1h 30 75 6", "75"),  # minutes twice
    ("75 90 6", "90"),  # 6 is the RPE, 90 the number it cannot place
    ("75 6 7", "7"), ("1h30 6 7", "7"), ("75 6 rpe7", "6"), ("1h30 6 75", "75"),
])
def test_a_number_too_many_is_named_not_the_rpe(text, wrong):
    """'1h30 75 6' was refused as "'6' in '1h30 75 6': say what it is", though 6 is the RPE
    and 75 the word it cannot use (1h30 gives the minutes already). The message names the
    number too many, and says what a cell takes."""
    with pytest.raises(CellError) as e:
        parse_cell(text, A, DAY, TABLE)
    said = str(e.value)
    assert said.startswith(f"'{wrong}' in '{text}': "), said
    assert "a cell takes minutes and RPE" in said
    # the cell without that word reads (the fix the message points at)
    words = text.split()
    words.remove(wrong)
    assert parse_cell(" ".join(words), A, DAY, TABLE)


def test_minutes_typed_twice_say_which_gave_them():
    with pytest.raises(CellError) as e:
        parse_cell("1h30 75 6", A, DAY, TABLE)
    assert str(e.value) == ("'75' in '1h30 75 6': 1h30 already gives the minutes; a cell takes "
                            "minutes and RPE once each (1h30 6)")
    assert one("1h30 6").minutes == 90  # as it says


def test_minutes_without_an_rpe_say_what_to_type():
    """"'45' has no RPE" left the coach to find the way: it says to type the RPE after the
    minutes, and 0 alone for a day nobody trained (as a log's row with 0 minutes reads)."""
    with pytest.raises(CellError) as e:
        parse_cell("45", A, DAY, TABLE)
    assert str(e.value) == ("'45' has no RPE: type it after the minutes (45 6 for RPE 6), or 0 "
                            "alone for a day without training")
    assert [(x.minutes, x.rpe) for x in parse_cell("0", A, DAY, TABLE)] == [(0, 0)]


@pytest.mark.parametrize("text", ["1,080 5", "1.080 5", "1,080' 5"])
def test_a_thousands_separator_is_asked_not_read_as_a_decimal(text):
    with pytest.raises(CellError, match="could be 1080 or 1.08"):
        parse_cell(text, A, DAY, TABLE)


def test_sessions_of_one_day_add_up_to_at_most_a_day():
    with pytest.raises(CellError, match="add up to 1800 minutes, more than a day has"):
        parse_cell("600 10; 600 10; 600 10", A, DAY, TABLE)
    assert len(parse_cell("600 5; 600 5", A, DAY, TABLE)) == 2
    with pytest.raises(CellError, match="outside 0-600"):  # one session too long: said as such
        parse_cell("1500 5", A, DAY, TABLE)


@pytest.mark.parametrize("text, says", [
    ("1.25 5", "Minutes: 1.25 min with RPE 5: hours? type 75 (minutes; a session with an effort "
               "or a sprint lasts 5 minutes or more)"),
    ("0.5 0 95%", "Minutes: 0.5 min with a top speed: hours? type 30"),
    ("60 5; 2 6", "Minutes: 2 min with RPE 6: hours? type 120")])
def test_a_duration_in_hours_is_refused_as_the_log_reader_refuses_it(text, says):
    """'1.25 5' (a GPS export's hours) was logged as 1.25 minutes at RPE 5, 6 AU instead of 375,
    where `periodize log` and the workbook refuse it."""
    with pytest.raises(CellError) as err:
        parse_cell(text, A, DAY, TABLE)
    assert str(err.value).startswith(says)


def test_a_short_session_without_effort_is_minutes():
    assert (one("3 0").minutes, one("0").minutes, one("5 6").minutes) == (3, 0, 5)


def test_a_substitutes_few_minutes_played_are_minutes_not_hours():
    """'3 7 m3' (on for the last three minutes, RPE 7) was refused as hours."""
    s = one("3 7 m3")
    assert (s.minutes, s.rpe, s.minutes_played) == (3, 7, 3)


def test_m0_alone_is_asked_not_logged_as_a_bench_session():
    """m0 alone was logged as the bench's match session, 30 min x RPE 7 = 210 AU, for a player
    who did not play."""
    with pytest.raises(CellError, match="m0 alone: no match was played"):
        parse_cell("m0", A, DAY, TABLE)
    s = one("45 5 m0")
    assert (s.minutes, s.rpe, s.minutes_played) == (45, 5, 0)


def test_a_speed_imported_in_kmh_is_edited_in_kmh():
    """A GPS export's 23.5 km/h is logged as 23.5 / 3.6 m/s; the editor showed "6.52778m/s".
    It shows the km/h it came from, and a speed typed in m/s stays in m/s."""
    from ui.desktop.logcells import edit_text

    imported = Session(athlete="A1", date=DAY, minutes=60, rpe=6, top_speed_ms=23.5 / 3.6)
    assert edit_text((imported,)) == "60 6 23.5km/h"
    assert one(edit_text((imported,))).top_speed_ms == pytest.approx(23.5 / 3.6, abs=0.005)
    typed = one("60 6 8.6m/s")
    assert edit_text((typed,)) == "60 6 8.6m/s"
    assert edit_text((one("60 6 31km/h"),)) == "60 6 8.61m/s"  # read to the centimetre


@pytest.mark.parametrize(("cell", "column", "value", "field"), [
    ("60 5 {}m/s", "Top speed m/s", 9.9, "top_speed_ms"),  # 110 % of 9.0 m/s
    ("60 5 {}%", "Top speed %", 110, "top_speed_pct"),
])
def test_the_log_cell_the_log_file_and_the_season_file_take_a_top_speed_to_the_same_limit(
        tmp_path, cell, column, value, field):
    """The 10 % above the max speed (and the 110 % cap) was written out in each place: one
    tolerance changed would have let the app's Log cell take what `periodize log` refuses, or a
    season file refuse on the next load what the log's import took. At the limit all three take
    it; a hundredth above, all three refuse it."""
    from pydantic import ValidationError

    from planner.errors import InputError
    from planner.season import TOP_PCT_MAX, TOP_SPEED_FACTOR
    from planner.sessionlog import read_sessions
    from planner.validate import season_problems
    from tests.builders import day, season

    assert A.max_speed * TOP_SPEED_FACTOR == pytest.approx(9.9) and TOP_PCT_MAX == 110
    base = season(weeks=4, athletes=1, today=day(14))
    s = base.model_copy(update={"athletes": (A,)})
    log = tmp_path / "log.csv"

    def read(v):
        log.write_text(f"Athlete ID,Date,Minutes,RPE,{column}\nA1,{day(1)},60,5,{v}\n", encoding="utf-8")
        return read_sessions(log, s).sessions

    def in_season(v):
        sessions = (Session(athlete="A1", date=day(1), minutes=60.0, rpe=5.0, **{field: float(v)}),)
        return [p for p in season_problems(s.model_copy(update={"sessions": sessions}))
                if p.startswith("sessions[0]")]

    (typed,) = parse_cell(cell.format(value), A, day(1), TABLE)
    assert getattr(typed, field) == value
    assert [getattr(x, field) for x in read(value)] == [value]
    assert in_season(value) == []

    above = round(value + 0.01, 2)
    with pytest.raises(CellError, match="10 % above|outside 0-110"):
        parse_cell(cell.format(above), A, day(1), TABLE)
    with pytest.raises(InputError, match="10 % above|outside 0-110"):
        read(above)
    try:
        said = in_season(above)
    except ValidationError as e:  # a % above 110 is no session at all
        said = [str(e)]
    assert said and re.search("10 % above|less than or equal to 110", said[0]), said


@pytest.mark.parametrize(("max_speed", "most", "next_cm"), [(4.52, "4.972", "4.98|4.97"),
                                                           (9.04, "9.944", "9.95|9.94")])
def test_exactly_110_percent_is_taken_at_any_max_speed(max_speed, most, next_cm):
    """In floats 4.972 m/s was more than 110 % of 4.52 m/s, and 9.944 of 9.04: the limit refused
    its own 110 %. Compared in percent to the hundredth, 110 % is taken (the Log cell and the
    season file alike) and 110.01 % refused, said with the most it may be."""
    from planner.season import above_top_speed, top_speed_problem
    from planner.validate import top_speed_ms_problem
    from tests.builders import day, season

    fast = A.model_copy(update={"max_speed": max_speed})
    s = season(weeks=4, athletes=1).model_copy(update={"athletes": (fast,)})
    assert not above_top_speed(float(most), max_speed)
    assert top_speed_ms_problem(s, fast, float(most)) is None
    (typed,) = parse_cell(f"60 5 {most}m/s", fast, day(1), TABLE)
    assert typed.top_speed_ms == float(most)
    above = max_speed * 1.1001  # 110.01 %
    assert above_top_speed(above, max_speed)
    with pytest.raises(CellError, match=f"at most {most} m/s"):  # to the decimal that differs
        parse_cell(f"60 5 {above}m/s", fast, day(1), TABLE)
    typed, shown = next_cm.split("|")  # the next centimetre: said apart from the most
    assert top_speed_problem(float(typed), max_speed, "Ann Ash") == (
        f"{typed} m/s is more than 10 % above Ann Ash's max speed ({max_speed:g} m/s: "
        f"at most {shown} m/s)")


def test_a_refused_top_speed_is_said_to_the_decimal_that_tells_it_from_the_most():
    """Typed 9.94 m/s for a max of 9 m/s, the Log cell said "9.9 m/s is more than 10 % above
    Ann Ash's max speed (9 m/s)", though 9.9 m/s is exactly 110 %. It says the speed as typed,
    to the centimetre, and the most it may be at the decimal that tells them apart."""
    with pytest.raises(CellError) as e:
        parse_cell("60 5 9.94m/s", A, dt.date(2027, 1, 5), TABLE)
    assert str(e.value) == ("9.94 m/s is more than 10 % above Ann Ash's max speed (9 m/s: at most "
                            "9.9 m/s); check the value")
    with pytest.raises(CellError) as e:
        parse_cell("60 5 10.5m/s", A, dt.date(2027, 1, 5), TABLE)
    assert str(e.value).startswith("10.5 m/s is more than 10 % above Ann Ash's max speed (9 m/s: "
                                   "at most 9.9 m/s)")


def test_import_sessions_says_a_pain_after_a_sprint_of_its_own_kind():
    """The status bar after an import said a fit player's pain "of 5/10 or more" for every
    listed pain not in rehab: a 4/10 the day after a sprint is said as what it is."""
    from planner.progress import listed_pains
    from tests.planner.test_pain_news import _fit_log
    from ui.desktop.sessionimport import pain_words

    said = pain_words(listed_pains(_fit_log(("A1", 2, 96, None), ("A1", 3, None, 4))))
    assert said == (" 1 athlete not in rehab logged pain just below 5/10 "
                    "(marked ⚠ in the Log): check with the athlete, and if it was not "
                    "pain-free, hold the athlete at that level (pin their next speed days no "
                    "higher) or, if it is an injury, record it (Season ▸ Injuries).")
    assert "or more" not in said


def test_a_day_retyped_without_a_top_speed_keeps_the_one_logged_before():
    """"60 9" typed over a GPS import's "75′ 4 70%" to correct the RPE lost the 70 %, unsaid:
    one session with minutes and no top speed keeps the day's highest, said in words; a top
    speed typed, a day without training, several sessions or a day logged without one keep
    nothing."""
    from ui.desktop.logcells import keep_top_speed

    gps = (Session(athlete="A1", date=DAY, minutes=75, rpe=4, top_speed_pct=70, pain=2, note="x"),)
    (kept,), said = keep_top_speed(gps, (one("60 9"),), A)
    assert (kept.minutes, kept.rpe, kept.top_speed_pct, kept.pain, kept.note) == (60, 9, 70, None, "")
    assert said == "70 %"
    ms = (Session(athlete="A1", date=DAY, minutes=30, rpe=3, top_speed_ms=8.1),
          Session(athlete="A1", date=DAY, minutes=40, rpe=5, top_speed_pct=85))
    (kept,), said = keep_top_speed(ms, (one("60 9"),), A)  # 8.1 m/s is 90 % of 9.0
    assert (kept.top_speed_ms, kept.top_speed_pct, said) == (8.1, None, "8.1 m/s")
    for text in ("60 9 95%", "0", "30 5; 30 6"):
        new = parse_cell(text, A, DAY, TABLE)
        assert keep_top_speed(gps, new, A) == (new, ""), text
    new = (one("60 9"),)
    assert keep_top_speed((Session(athlete="A1", date=DAY, minutes=75, rpe=4),), new, A) == (new, "")
    assert keep_top_speed((), new, A) == (new, "")
