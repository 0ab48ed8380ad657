"""Typed dates (issue 14, item 3): a date typed in either common form is the date added, a text
that is not a date is refused with its reason (never another date), and the calendar still
works. Keys are typed into the field as a coach types them (``type_date``)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from planner.season import NonTrainingDay
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop.mainwindow import MainWindow

D = dt.date


def type_date(qtbot, field, text: str) -> None:
    """Select what the field shows and type ``text`` over it, key by key."""
    target = field.focusProxy() or field
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(target, text)


@pytest.fixture
def w(qtbot):
    season = tiny_season().model_copy(update={})
    season = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"end": D(2027, 1, 31)})})
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


@pytest.mark.parametrize("text", ["28/12/2026", "Mon 28 Dec 2026"])
def test_a_typed_day_off_is_the_day_added(w, qtbot, dialogs, text):
    ed = w.days_off_editor
    w.show_dock("daysoff")
    type_date(qtbot, ed.date, text)
    ed.add_button.click()
    assert NonTrainingDay(date=D(2026, 12, 28)) in w.season.calendar.non_training_days
    assert dialogs == []


def test_a_new_seasons_end_keeps_its_length_until_an_end_is_typed(w, qtbot):
    """Typing only the start (1 Aug 2026, as the dialog opened on a December start) left the
    end 13 months later: the end follows the start, 40 weeks on, until the coach types one."""
    dlg = w.new_dialog()
    length = dlg.end.date().toPython() - dlg.start.date().toPython()
    type_date(qtbot, dlg.start, "1.8.26")
    assert dlg.end.date().toPython() == D(2026, 8, 1) + length
    type_date(qtbot, dlg.end, "30.5.27")
    type_date(qtbot, dlg.start, "3.8.26")
    assert dlg.end.date().toPython() == D(2027, 5, 30)  # typed: it stays
    dlg.reject()


def test_a_new_seasons_typed_end_is_its_end(w, qtbot):
    dlg = w.new_dialog()
    dlg.name.setText("Riverside FC U19")
    type_date(qtbot, dlg.start, "Mon 3 Aug 2026")
    type_date(qtbot, dlg.end, "Sun 30 May 2027")
    dlg.buttons.accepted.emit()
    assert (w.season.calendar.start, w.season.calendar.end) == (D(2026, 8, 3), D(2027, 5, 30))


def test_a_text_that_is_no_date_is_refused_with_its_reason(w, qtbot, dialogs):
    ed = w.days_off_editor
    before = w.season
    type_date(qtbot, ed.date, "31/02/2026")
    assert not ed.date.is_valid() and "no day 31" in ed.date.problem()
    ed.add_button.click()
    assert w.season == before
    assert dialogs.kinds() == ["warn"] and "Day off date" in dialogs[0][2]
    type_date(qtbot, ed.date, "Tue 28 Dec 2026")  # the 28th is a Monday
    assert not ed.date.is_valid() and "is a Monday" in ed.date.problem()
    type_date(qtbot, ed.date, "28/12/2030")  # after the season
    assert not ed.date.is_valid() and "after the last day" in ed.date.problem()


def test_a_stretch_of_days_off_is_one_undo_step(w, qtbot):
    ed = w.days_off_editor
    type_date(qtbot, ed.date, "24/12/2026")
    ed.multi.setChecked(True)
    type_date(qtbot, ed.end, "2/1/2027")
    ed.reason.setText("Winter break")
    ed.add_button.click()
    days = [d.date for d in w.season.calendar.non_training_days]
    assert days == [D(2026, 12, 24) + dt.timedelta(days=k) for k in range(10)]
    assert w.undo_stack.count() == 1 and "10 days" in w.undo_stack.undoText()
    ed.table.selectAll()
    ed.delete_button.click()
    assert w.season.calendar.non_training_days == ()
    w.undo_action.trigger()
    assert len(w.season.calendar.non_training_days) == 10


def test_the_calendar_popup_and_the_arrow_keys_still_pick_a_day(qtbot):
    from ui.desktop.datefield import DateField

    f = DateField("Day")
    qtbot.addWidget(f)
    f.setDateRange(D(2026, 8, 1), D(2027, 5, 31))
    f.setDate(D(2026, 9, 1))
    f.show_calendar()
    f._popup.calendar.clicked.emit(QDate(2026, 9, 15))
    assert f.date() == QDate(2026, 9, 15) and f.text() == "Tue 15 Sep 2026"
    qtbot.keyClick(f.line, Qt.Key.Key_Up)
    assert f.date() == QDate(2026, 9, 16)
    QApplication.processEvents()


def test_space_on_a_date_reached_with_tab_keeps_the_date(qtbot):
    """Space on a date field Tab had selected, as on a check box, replaced the date with a red
    "no date typed"; a space between the words of a date typed is still typed."""
    from ui.desktop.datefield import DateField

    f = DateField("Day")
    qtbot.addWidget(f)
    f.setDateRange(D(2026, 8, 1), D(2027, 5, 31))
    f.setDate(D(2026, 9, 1))
    f.show()
    f.line.setFocus()
    f.line.selectAll()
    qtbot.keyClick(f.line, Qt.Key.Key_Space)
    assert f.is_valid() and f.value() == D(2026, 9, 1) and f.text() == "Tue 1 Sep 2026"
    qtbot.keyClicks(f.line, "15 Sep")  # the selection kept: typing replaces it, spaces and all
    assert f.is_valid() and f.value() == D(2026, 9, 15), f.problem()


@pytest.mark.parametrize("text,expected", [
    ("28/12/2026", D(2026, 12, 28)), ("28.12.26", D(2026, 12, 28)), ("2026-12-28", D(2026, 12, 28)),
    ("Mon 28 Dec 2026", D(2026, 12, 28)), ("monday 28th december 2026", D(2026, 12, 28)),
    ("Dec 28, 2026", D(2026, 12, 28)), ("12/28/2026", D(2026, 12, 28)), ("28 Dec", D(2026, 12, 28)),
    ("3/1", D(2027, 1, 3)),
    # German and Scandinavian write a day without its year with a closing dot: "28.9." was
    # refused as not a date in Move Today
    ("28.12.", D(2026, 12, 28)), ("3.1.", D(2027, 1, 3)), ("28.12.2026.", D(2026, 12, 28)),
])
def test_the_common_ways_of_writing_a_date(text, expected):
    from ui.desktop.datefield import parse_date

    assert parse_date(text, D(2026, 8, 3), D(2027, 5, 30)) == expected


@pytest.mark.parametrize("text,expected", [
    ("5.10.26", D(2026, 10, 5)), ("5.10.", D(2026, 10, 5)), ("5.10.2026", D(2026, 10, 5)),
    ("5/10/2026", D(2026, 5, 10)), ("2026-10-05", D(2026, 10, 5)),
])
def test_a_dotted_date_is_day_first_on_a_laptop_set_to_us_dates(text, expected):
    """With the US order (a laptop in en_US), "5.10.26" was read as 10 May: a date written with
    dots is day first wherever it is written; slashes follow the laptop's order."""
    from ui.desktop.datefield import parse_date

    assert parse_date(text, D(2026, 1, 1), D(2026, 12, 31), day_first=False) == expected


@pytest.mark.parametrize("text", ["", "next week", "32/1/2026", "13/13/2026", "Fri 28 Dec 2026"])
def test_what_is_not_a_date(text):
    from ui.desktop.datefield import DateError, parse_date

    with pytest.raises(DateError):
        parse_date(text)


def test_a_german_or_french_weekday_before_the_date_is_read_and_must_be_the_dates(qtbot,
                                                                                   monkeypatch):
    """Review 276: "Sa 4.9." was refused "'Sa 4.9.' is not a date", while "4.9." and "Sat 4 Sep"
    were read and the coach workbook reads German weekday names. A weekday before the date, in
    English or German as the workbook reads them, or in the computer's language (French on a
    French computer), is read; one that is not the date's weekday is refused, saying so."""
    from ui.desktop import datefield
    from ui.desktop.datefield import DateField

    f = DateField("Date")
    qtbot.addWidget(f)
    f.setDateRange(D(2027, 8, 1), D(2028, 5, 31))
    f.setDate(D(2027, 8, 1))
    f.show()
    for text in ("Sa 4.9.", "Sa. 04.09.2027", "Samstag, 4. September", "Sat 4.9.", "Sa 4 Sep"):
        type_date(qtbot, f, text)
        assert f.is_valid() and f.value() == D(2027, 9, 4), (text, f.problem())
        assert f.line.toolTip().splitlines()[0] == "Sat 4 Sep 2027"  # what it understood
    type_date(qtbot, f, "Do 4.9.")  # 'Do': Thursday in German
    assert not f.is_valid() and f.problem() == "4 Sep 2027 is a Saturday, not a Thursday"
    assert f.date().toPython() == D(2027, 9, 4)  # the date before it stays
    # a French computer: its day names ("jeu.", "mar.") are read too; "Mar 4" is still March
    monkeypatch.setattr(datefield, "WEEKDAYS", {"jeu": 3, "mar": 1, "sam": 5})
    type_date(qtbot, f, "jeu. 9.9.")
    assert f.is_valid() and f.value() == D(2027, 9, 9)
    type_date(qtbot, f, "mar. 7/9/2027")
    assert f.is_valid() and f.value() == D(2027, 9, 7)
    type_date(qtbot, f, "Mar 4")
    assert f.is_valid() and f.value() == D(2028, 3, 4)


def test_the_calendar_opens_above_a_field_near_the_screens_foot(qtbot):
    from PySide6.QtCore import QPoint, QSize

    from ui.desktop.datefield import DateField, popup_position

    f = DateField("Day")
    qtbot.addWidget(f)
    f.show()
    free = f.screen().availableGeometry()
    f.move(free.left() + 10, free.bottom() - f.height() - 5)  # at the foot of the screen
    size = QSize(250, 200)
    at = popup_position(f, size)
    assert at.y() + size.height() <= free.bottom() + 1
    assert at.y() < f.mapToGlobal(QPoint(0, 0)).y()  # above the field


def test_a_date_without_a_year_takes_the_year_nearest_the_fields_date(qtbot):
    """The move-today dialog's stage dates allow a year back: '20 Aug' typed over 14 Aug 2026
    became 20 Aug 2025 (the first year in range) and the change was refused as before the injury."""
    from ui.desktop.datefield import DateField, parse_date

    f = DateField("P2 on")
    qtbot.addWidget(f)
    f.setDateRange(D(2025, 8, 2), D(2026, 8, 23))
    f.setDate(D(2026, 8, 14))
    assert f.set_text("20 Aug") and f.value() == D(2026, 8, 20)
    assert parse_date("20 Aug", D(2025, 8, 2), D(2026, 8, 23), near=D(2025, 9, 1)) == D(2025, 8, 20)
    assert parse_date("20 Aug", near=D(2026, 8, 14)) == D(2026, 8, 20)  # no range: the nearest


def test_a_date_without_a_year_just_outside_the_range_is_named_by_the_bound_it_is_near(qtbot):
    """In a season of 4 Jan - 1 Aug 2027, "3.8." became 3 Aug 2026, "before the first day allowed
    here": the coach meant two days after the end. No year puts it inside: the year nearest to
    the range is taken, and the refusal names the end."""
    from ui.desktop.datefield import DateError, DateField, parse_date

    lo, hi = D(2027, 1, 4), D(2027, 8, 1)
    with pytest.raises(DateError, match=r"Tue 3 Aug 2027 is after the last day allowed here "
                                        r"\(Sun 1 Aug 2027\)"):
        parse_date("3.8.", lo, hi, near=lo)
    with pytest.raises(DateError, match=r"Sun 3 Jan 2027 is before the first day"):
        parse_date("3 Jan", lo, hi, near=hi)  # the other side: the day before the start
    f = DateField("Date")
    qtbot.addWidget(f)
    f.setDateRange(lo, hi)
    f.setDate(lo)
    assert not f.set_text("3.8.")
    assert f.problem().startswith("Tue 3 Aug 2027 is after the last day allowed here")


def test_leaving_a_date_that_is_no_date_says_why_under_the_field(w, qtbot):
    """"31/09/2026" framed the field red and said nothing: the reason was only in its tooltip.
    Leaving by Tab or by a click on the next field must not close what is said."""
    from PySide6.QtWidgets import QToolTip

    w.show_dock("daysoff")
    ed = w.days_off_editor
    type_date(qtbot, ed.date, "31/02/2026")
    qtbot.keyClick(ed.date.focusProxy() or ed.date, Qt.Key.Key_Tab)
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    qtbot.wait(300)  # still there once the next field has the focus
    assert QToolTip.isVisible() and "no day 31" in QToolTip.text()
    QToolTip.hideText()
    type_date(qtbot, ed.date, "31/02/2026")
    qtbot.mouseClick(ed.reason, Qt.MouseButton.LeftButton)  # leaving by a click
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    assert "no day 31" in QToolTip.text()
    QToolTip.hideText()
    type_date(qtbot, ed.date, "Wed 11 Mar 2026")
    qtbot.keyClick(ed.date.focusProxy() or ed.date, Qt.Key.Key_Tab)
    qtbot.wait(200)
    assert not QToolTip.isVisible()  # a date: nothing to say


def test_a_stage_start_follows_an_onset_typed_digit_by_digit(w, qtbot):
    """Typing the onset 29/11/2026 passes through "29/1" (29 Jan 2027): "Stage started" followed
    it there and stayed when the onset came back to November, so the injury was recorded in P1
    from two months after it. A stage start the coach set apart stays his."""
    ed = w.injuries_editor
    w.show_dock("injuries")
    ed.select("A1")
    ed.onset.setDate(QDate(2026, 12, 1))
    ed.first_start.setDate(QDate(2026, 12, 1))
    type_date(qtbot, ed.onset, "29/11/2026")
    assert ed.onset.date() == QDate(2026, 11, 29)
    assert ed.first_start.date() == QDate(2026, 11, 29)
    ed.first_start.setDate(QDate(2026, 12, 3))  # P2 since the 3rd: the coach's date
    type_date(qtbot, ed.onset, "28/11/2026")
    assert ed.first_start.date() == QDate(2026, 12, 3)


def test_a_new_injurys_stage_start_follows_its_onset_whatever_the_last_one_had(w, qtbot):
    """One athlete's injury recorded with "Stage started" 2 Jan (set apart from his onset, before
    the planning start), then another's onset typed "20 Dec": his stage start showed Sat 2 Jan,
    the first one's date, never typed for him.
    And the Injury list's new record read "New injury (a re-injury, a planned opera" in the
    dock at 1280 x 720."""
    ed = w.injuries_editor
    w.show_dock("injuries")
    ed.select("A1")
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    type_date(qtbot, ed.onset, "20/2/2026")
    ed.first_stage.setCurrentIndex(ed.first_stage.findData("P2"))
    type_date(qtbot, ed.first_start, "25/2/26")  # before the planning start (2 Mar)
    assert ed.first_start.date() == QDate(2026, 2, 25)
    ed.record_button.click()
    assert w.season.injury_of("A1").stages[0].start == D(2026, 2, 25)
    ed.select("A2")
    ed.protocol.setCurrentIndex(ed.protocol.findData("ankle-sprain"))
    type_date(qtbot, ed.onset, "18 Feb 2026")
    qtbot.keyClick(ed.onset.focusProxy() or ed.onset, Qt.Key.Key_Tab)
    assert ed.onset.date() == QDate(2026, 2, 18)
    assert ed.first_start.date() == QDate(2026, 2, 18)  # his onset's, not the 25th
    type_date(qtbot, ed.first_start, "27/2/2026")  # his own, set apart: it stays his
    type_date(qtbot, ed.onset, "19/2/2026")
    assert ed.first_start.date() == QDate(2026, 2, 27)
    ed.select("A1")
    ed.select_record(None)  # A1's re-injury: a new record, the start his onset's again
    type_date(qtbot, ed.onset, "1/3/2026")
    assert ed.first_start.date() == QDate(2026, 3, 1)

    QApplication.processEvents()
    record = ed.record
    assert record.currentData() is None and record.isVisible()
    words = record.fontMetrics().horizontalAdvance(record.currentText())
    assert words + 2 * record.fontMetrics().averageCharWidth() <= record.width()
    tip = record.itemData(record.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    assert "re-injury" in tip and "planned operation" in tip
