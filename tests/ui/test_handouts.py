"""Athlete handouts: a printable A4 page per athlete-week (ui/desktop/handouts.py), checked against
the plan; one PDF per athlete into a folder, all or none; the app's dialog and menu entry. And the
widths the workbook plans with, measured against the font LibreOffice prints Arial with."""

from __future__ import annotations

import datetime as dt
import errno
import html
import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from planner import text
from planner.errors import InputError, SaveError
from planner.handout import handout_weeks
from planner.safefile import atomic_write
from planner.timeline import Timeline
from tests.exports.demo import solved_demo
from tests.ui.reach import button_letters
from ui.desktop.handouts import (
    HandoutsDialog,
    export_handouts,
    export_handouts_pdf,
    export_handouts_to,
    handouts_dialog,
    handouts_pdf,
)
from ui.desktop.mainwindow import MainWindow

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext is not installed: apt-get install poppler-utils")


def _text_pages(data: bytes, tmp: Path) -> list[str]:
    pdf = tmp / "h.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True).stdout
    return unicodedata.normalize("NFKC", out.decode("utf-8")).split("\f")[:-1]  # "ﬁ" -> "fi"


def _has_words(page: str, words: str) -> bool:
    def tokens(text: str) -> Counter:
        return Counter(t.strip(".,;:") for t in text.split())

    need, got = tokens(words), tokens(page)
    return all(got[w] >= n for w, n in need.items())


def test_a_page_per_athlete_and_week(qapp):
    season = solved_demo()
    data, pages = handouts_pdf(season, season.plan, ["A07", "A05"], [0, 9, 39])
    assert pages == 6 and data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data)) == 6


@needs_pdftotext
def test_each_page_says_what_the_plan_says(qapp, tmp_path):
    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    chosen = ["A07", "A19", "A05", "A02"]
    weeks = [0, 4, 9, 20, len(tl.weeks) - 1]
    data, _ = handouts_pdf(season, plan, chosen, weeks, exported=dt.date(2026, 7, 1))
    pages = _text_pages(data, tmp_path)
    expected = handout_weeks(season, plan, chosen, weeks)
    assert len(pages) == len(expected) == len(chosen) * len(weeks)
    for k, (page, w) in enumerate(zip(pages, expected, strict=True)):
        assert w.who in page and w.title in page and season.name in page
        assert f"page {k + 1} of {len(pages)}" in page
        if w.pain_rule:  # said once, in its own row
            assert _has_words(page, "Pain " + w.pain_rule)
        for d in w.days:
            assert d.day in page
            assert _has_words(page, d.session.summary), (w.athlete, w.week, d.session.summary)
            if d.session.speed_ms is not None:
                assert f"{d.session.speed_ms:.1f} m/s" in page
            if d.session.load:  # the day's row: minutes x RPE and the load they make
                p = d.session
                assert round(p.minutes * p.rpe) == p.load
                assert _has_words(page, f"{p.minutes:g} {p.rpe:g} {text.number(p.load)}"), (w.athlete, d.day)
        assert _has_words(page, w.kind_text) and _has_words(page, f"Planned load: {w.load_text}")
        # what to tell the coach, on every page with a day to train; the RPE column's head
        assert (w.report in " ".join(page.split())) == bool(w.report) and w.report == (
            "" if w.away else "After each session tell the coach your effort (RPE 0–10) and any pain.")
        if w.rpe_head == "Target RPE" and not w.away:  # the footer's term and the column's head
            assert "Target RPE: how hard the session should feel" in " ".join(page.split())
            assert len(re.findall(r"\bTarget\b", page)) >= 3, w.title  # and "Target speed"
        for m in w.matches:
            assert _has_words(page, m)
        if w.milestone:
            assert _has_words(page, w.milestone)


@needs_pdftotext
def test_the_limits_column_is_headed_kicking_only_where_a_day_has_a_kicking_limit(qapp, tmp_path):
    """A basketball squad's printed handout headed a column "Kicking · change of direction" on
    weeks with no kicking in them: a page heads it so only when a day on it says a kicking limit
    (HandoutWeek.limits_head), else "Change of direction"."""
    season = solved_demo()
    tl = Timeline(season)
    weeks = handout_weeks(season, season.plan, None, list(range(len(tl.weeks))))
    plain = next(w for w in weeks if w.limits_head == "Change of direction" and not w.away)
    kicks = next(w for w in weeks if w.limits_head != "Change of direction" and not w.away)
    for w, kicking in ((plain, False), (kicks, True)):
        data, _ = handouts_pdf(season, season.plan, [w.athlete], [w.week - 1])
        page = " ".join(_text_pages(data, tmp_path)[0].split())
        assert ("Kicking · change of direction" in page) is kicking, (w.athlete, w.week)
        assert ("Kicking:" in page) is kicking and "Change of direction" in page.replace(
            "Kicking · change of direction", ""), (w.athlete, w.week)


@needs_pdftotext
def test_an_anonymised_handout_names_no_one(qapp, tmp_path):
    season = solved_demo()
    data, _ = handouts_pdf(season, season.plan, ["A07"], [0, 5], anonymise=True)
    text = "\n".join(_text_pages(data, tmp_path))
    assert "Kofi" not in text and "Mensah" not in text and "A07" in text
    assert "tendinopathy" not in text.lower()


def test_one_pdf_per_athlete_into_a_folder_all_or_none(qapp, tmp_path, monkeypatch):
    season = solved_demo()
    folder = tmp_path / "handouts"
    files = export_handouts(season, season.plan, folder, weeks=[0])
    assert len(files) == len(season.athletes)
    assert files[0].name == "A07 Kofi Mensah.pdf" or files[0].name.endswith(".pdf")
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    old = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = os.replace

    def immutable(src, dst):
        if os.fspath(src).endswith("A05 Marco Ruiz.pdf"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", immutable)
    with pytest.raises(SaveError, match="A05 Marco Ruiz.pdf: could not be replaced"):
        export_handouts(season, season.plan, folder, weeks=[1])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == old


def test_no_handout_for_a_player_who_left_before_the_weeks_exported(qapp, qtbot, tmp_path):
    """A sold player kept as "dates away" still got "A22 Amir Rahimi.pdf" ("Away all 4 weeks
    (Sold): nothing planned"): paper for a player at another club. One who left the squad before
    the weeks exported gets no page and no file, and the export says so; the weeks he was still
    with the squad are handed out as before."""
    from planner import edits as E
    from planner.handout import gone_before, gone_words

    season = solved_demo()
    tl = Timeline(season)
    leaves = tl.days[tl.weeks[5].first]
    aid = season.athletes[1].id
    name = season.athletes[1].name
    left = E.LeaveSquad(athlete=aid, leaves=leaves).apply(season)
    assert gone_before(left, [5, 6]) == {aid: leaves} and gone_before(left, [4, 5]) == {}
    assert gone_before(left) == {}  # the season: he was with the squad until then
    assert gone_words(left, {aid: leaves}) == [f"{name} left the squad on {text.date_short(leaves)}: "
                                               f"no handout"]
    assert aid not in {w.athlete for w in handout_weeks(left, left.plan, weeks=[5, 6])}
    assert aid in {w.athlete for w in handout_weeks(left, left.plan, weeks=[4, 5])}
    files = export_handouts(left, left.plan, tmp_path / "ho", weeks=[6])
    assert len(files) == len(season.athletes) - 1 and not any(aid in f.name for f in files)
    d = HandoutsDialog(left, today=tl.days[tl.weeks[6].first])
    qtbot.addWidget(d)
    # listed and ticked, then "no handout": now unticked and greyed, the day he left beside him
    item = next(d.athletes.item(k) for k in range(d.athletes.count())
                if d.athletes.item(k).data(Qt.ItemDataRole.UserRole) == aid)
    assert aid not in d.chosen_athletes() and not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert item.text().endswith(f" — left the squad on {text.date_short(leaves)}")
    assert d.summary.text() == f"{len(season.athletes) - 1} pages to print."
    d._check_all(Qt.CheckState.Checked)  # Whole squad: not him
    assert aid not in d.chosen_athletes()
    d.first.setCurrentIndex(4)  # weeks he was with the squad in: ticked as before, his name alone
    assert aid in d.chosen_athletes() and item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert f"{name} ({aid})" in item.text() and "left the squad" not in item.text()


def test_no_handout_for_a_signings_weeks_before_he_joined(qapp, qtbot, tmp_path):
    """A signing got a page for his weeks before joining ("Week 19 · not yet here … Away all
    week (not in the squad yet): nothing planned"), while a leaver gets none for his weeks after
    he left. A signing now gets no page for the weeks wholly before he joined, and no file when
    the weeks exported are all before it, said as for a leaver; his weeks with the squad are
    handed out."""
    from planner import edits as E
    from planner.handout import gone_before, gone_words
    from planner.season import Athlete

    season = solved_demo()
    tl = Timeline(season)
    joins = tl.days[tl.weeks[5].first]
    new = E.AddAthlete(athlete=Athlete(id="A99", name="Milan Vogt", position="Midfielder"),
                       joins=joins).apply(season)
    # his row as a solve plans it (Add athlete lists it as not planned yet: no handout at all)
    new = new.model_copy(update={"plan": new.plan.model_copy(update={"unplanned": ()})})
    assert gone_before(new, [3, 4]) == {"A99": joins} and gone_before(new, [4, 5]) == {}
    assert gone_before(new) == {}  # the season: he is with the squad from then
    assert gone_words(new, gone_before(new, [3, 4])) == [
        f"Milan Vogt joins the squad on {text.date_short(joins)}: no handout"]
    from planner.handout import Handouts

    # weeks 3-5 (indexes 2-4) are one page "not yet here" of his: not handed out
    pages = Handouts(new, new.plan).weeks("A99", [2, 3, 4, 5, 6])
    assert [(w.week, w.when) for w in pages][:2] == [(3, "not yet here"), (6, pages[1].when)]
    assert [w.week for w in handout_weeks(new, new.plan, ["A99"], [2, 3, 4, 5, 6])] == [6, 7]
    assert "A99" not in {w.athlete for w in handout_weeks(new, new.plan, weeks=[3, 4])}
    assert len(handout_weeks(new, new.plan, [season.athletes[0].id], [2, 3, 4])) == 3  # the others' as before
    files = export_handouts(new, new.plan, tmp_path / "ho", weeks=[4])
    assert len(files) == len(season.athletes) and not any("A99" in f.name for f in files)
    files = export_handouts(new, new.plan, tmp_path / "ho2", weeks=[4, 5])
    assert any("A99" in f.name for f in files)
    d = HandoutsDialog(new, today=tl.days[tl.weeks[3].first])
    qtbot.addWidget(d)
    d.first.setCurrentIndex(3)
    d.last.setCurrentIndex(4)
    item = next(d.athletes.item(k) for k in range(d.athletes.count())
                if d.athletes.item(k).data(Qt.ItemDataRole.UserRole) == "A99")
    assert d.chosen_weeks() == [3, 4] and not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert item.text().endswith(f" — joins the squad on {text.date_short(joins)}")
    assert d.summary.text() == f"{len(season.athletes) * 2} pages to print."  # not his

def test_the_dialog_opens_on_the_seasons_today_not_the_computers(qapp, qtbot):
    season = solved_demo()
    lived = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": dt.date(2026, 8, 10)})})
    d = HandoutsDialog(lived)
    qtbot.addWidget(d)
    tl = Timeline(lived)
    assert d.chosen_weeks() == [tl.week_of[tl.index(dt.date(2026, 8, 10))]]


def test_the_dialog_chooses_athletes_and_weeks(qapp, qtbot):
    season = solved_demo()
    tl = Timeline(season)
    d = HandoutsDialog(season, today=dt.date(2026, 10, 7))
    qtbot.addWidget(d)
    assert len(d.chosen_athletes()) == len(season.athletes)
    w = tl.week_of[tl.index(dt.date(2026, 10, 7))]
    assert d.chosen_weeks() == [w]
    assert d.summary.text() == f"{len(season.athletes)} pages to print."
    d._check_all(Qt.CheckState.Unchecked)
    assert d.chosen_athletes() == [] and not d.ok.isEnabled()
    d.athletes.item(0).setCheckState(Qt.CheckState.Checked)
    d.last.setCurrentIndex(w + 2)
    assert d.chosen_weeks() == [w, w + 1, w + 2] and d.summary.text() == "3 pages to print."


def test_the_dialog_opens_on_the_first_week_with_a_session(qapp, qtbot):
    """Review 276: a season starting on Sunday 1 Aug 2027 opened File ▸ Export Handouts on
    "Week 1 · 1 Aug 2027", that Sunday alone with no training: 22 pages of a rest day. It opens
    on the first week from today's on that holds a training or match day; a week under way with
    training stays the week it opens on, and a winter break is passed over."""
    from planner.season import Athlete, Calendar, NonTrainingDay, Season

    squad = tuple(Athlete(id=f"A{k}", name=f"Player {k}", position="Midfielder") for k in range(3))
    cal = Calendar(start=dt.date(2027, 8, 1), end=dt.date(2028, 5, 31),
                   training_days=("mon", "tue", "thu", "fri"))
    season = Season(name="U19 Musterstadt 2027/28", calendar=cal, athletes=squad)

    def opened(s: Season) -> tuple[str, str]:
        d = HandoutsDialog(s)
        qtbot.addWidget(d)
        return d.first.currentText(), d.summary.text()

    assert opened(season) == ("Week 2 · 2 to 8 Aug 2027", "3 pages to print.")
    # under way: today's week, its training days before today or not
    wed = cal.model_copy(update={"today": dt.date(2027, 10, 13)})
    assert opened(season.model_copy(update={"calendar": wed}))[0] == "Week 12 · 11 to 17 Oct 2027"
    # today in a winter break: the week training starts again
    off = tuple(NonTrainingDay(date=dt.date(2027, 12, 20) + dt.timedelta(days=k), reason="Winterpause")
                for k in range(21))
    brk = cal.model_copy(update={"today": dt.date(2027, 12, 21), "non_training_days": off})
    assert opened(season.model_copy(update={"calendar": brk}))[0] == "Week 25 · 10 to 16 Jan 2028"


def test_the_dialog_opens_on_the_week_selected_on_the_board(qtbot):
    """A coach who selected the tournament week on the board got week 1 (the season's today)."""
    from ui.desktop.handouts import window_dialog

    season = solved_demo()
    window = MainWindow(season, None)
    qtbot.addWidget(window)
    tl = Timeline(season)
    d = window_dialog(window)
    qtbot.addWidget(d)
    assert d.chosen_weeks() == [tl.week_of[tl.index(season.calendar.today or season.calendar.start)]]
    window.board.set_current("A01", dt.date(2026, 10, 7))
    d = window_dialog(window)
    qtbot.addWidget(d)
    assert d.chosen_weeks() == [tl.week_of[tl.index(dt.date(2026, 10, 7))]]


def test_the_dialog_ticks_the_athlete_selected_on_the_board_and_names_the_file_after_him(
        qtbot, tmp_path, dialogs):
    """A physio who selected Leo Martin got all 24 athletes ticked and "handouts week 3-4.pdf",
    which the next player's export overwrote."""
    from ui.desktop.handouts import window_dialog

    season = solved_demo()
    window = MainWindow(season, None, autosave=False)
    qtbot.addWidget(window)
    tl = Timeline(season)
    w = tl.week_of[tl.index(dt.date(2026, 10, 7))]
    d = window_dialog(window)  # nothing selected: the whole squad, as before
    qtbot.addWidget(d)
    assert len(d.chosen_athletes()) == len(season.athletes)
    assert d.file_name() == f"handouts week {d.chosen_weeks()[0] + 1}.pdf"
    window.board.set_current("A12", dt.date(2026, 10, 7))
    d = window_dialog(window)
    qtbot.addWidget(d)
    assert season.athlete("A12").name == "Leo Martin"
    assert d.chosen_athletes() == ["A12"] and d.summary.text() == "1 page to print."
    assert d.athletes.currentItem().data(Qt.ItemDataRole.UserRole) == "A12"  # in sight
    assert d.file_name() == f"handouts Leo Martin week {w + 1}.pdf"
    d.last.setCurrentIndex(w + 1)
    assert d.file_name() == f"handouts Leo Martin week {w + 1}-{w + 2}.pdf"
    d.anonymise.setChecked(True)  # an anonymised handout's name names no one either
    assert d.file_name() == f"handouts A12 week {w + 1}-{w + 2}.pdf"
    d.anonymise.setChecked(False)
    (squad,) = [b for b in d.findChildren(QPushButton) if b.text() == "&Whole squad"]
    # each button has an Alt letter of its own (only Tab reached them)
    letters = button_letters(d)
    assert [letters[k] for k in ("Whole squad", "None", "Export…", "Cancel")] == list("wnec")
    squad.click()  # the whole squad, one click away
    assert len(d.chosen_athletes()) == len(season.athletes)
    assert d.file_name() == f"handouts week {w + 1}-{w + 2}.pdf"
    # a name the file system would refuse is made safe
    odd = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": "Leo/Martin: \"Jr\""}) if a.id == "A12" else a
        for a in season.athletes)})
    d = HandoutsDialog(odd, today=dt.date(2026, 10, 7), athlete="A12")
    qtbot.addWidget(d)
    assert d.file_name() == f"handouts Leo_Martin_ _Jr_ week {w + 1}.pdf"
    # File ▸ Export Handouts suggests that name beside the season file
    suggested = []
    dialogs.save_file = lambda title, suggestion, *a: suggested.append(suggestion)
    window.board.set_current("A12", dt.date(2026, 10, 7))
    dialog = _Accepting(season, window, today=dt.date(2026, 10, 7), athlete="A12")
    assert not handouts_dialog(window, dialog)  # the file dialog cancelled: nothing written
    assert Path(suggested[0]).name == f"handouts Leo Martin week {w + 1}.pdf"


class _Accepting(HandoutsDialog):
    def exec(self):
        return QDialog.DialogCode.Accepted


def test_file_export_handouts_writes_the_chosen_pages(qtbot, tmp_path, dialogs):
    season = solved_demo()
    window = MainWindow(season, None)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Export &Handouts (PDF)…" in texts
    dialog = _Accepting(season, window, today=dt.date(2026, 10, 7))
    dialog._check_all(Qt.CheckState.Unchecked)
    dialog.athletes.item(0).setCheckState(Qt.CheckState.Checked)
    dialogs.files.append(str(tmp_path / "week"))
    assert handouts_dialog(window, dialog)
    assert (tmp_path / "week.pdf").read_bytes().startswith(b"%PDF")
    assert "Wrote 1 handout page" in window.statusBar().currentMessage()
    # the notice above the board names this export (it kept an earlier workbook's)
    assert "Wrote 1 handout page to week.pdf in " in window.notice.text()


def test_export_handouts_opens_in_the_folder_the_last_handouts_went_to(qtbot, tmp_path, dialogs):
    """Export Handouts opened in the season's folder every time, though the last handouts went
    to another folder: it opens there now."""
    season = solved_demo()
    window = MainWindow(season, None)
    qtbot.addWidget(window)
    out = tmp_path / "out"
    out.mkdir()
    for path in (str(out / "week"), None):  # exported into out, then the dialog cancelled
        dialog = _Accepting(season, window, today=dt.date(2026, 10, 7))
        dialog._check_all(Qt.CheckState.Unchecked)
        dialog.athletes.item(0).setCheckState(Qt.CheckState.Checked)
        dialogs.files.append(path)
        handouts_dialog(window, dialog)
    assert (out / "week.pdf").exists()
    suggested = [Path(x) for x in dialogs.suggested]  # each save dialog's opening name
    assert suggested[0].parent != out and suggested[1].parent == out


def test_a_long_handout_export_shows_its_progress_and_cancel_writes_nothing(qtbot, tmp_path, dialogs):
    """120 pages (3 athletes x 40 weeks) get a progress bar; Cancel stops the export and the
    file already there keeps what it held."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    season = solved_demo()
    window = MainWindow(season, None)
    qtbot.addWidget(window)
    athletes = [a.id for a in season.athletes[:3]]
    weeks = list(range(len(Timeline(season).weeks)))
    assert len(athletes) * len(weeks) >= 100
    seen: list[int] = []

    def watch():  # runs while the pages are written: the dialog's events are processed
        for dlg in window.findChildren(QProgressDialog):
            seen.append(dlg.maximum())
            if len(seen) >= 3:
                dlg.cancel()
                return
        QTimer.singleShot(1, watch)

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "season.pdf"
    target.write_bytes(b"the handouts printed last week")
    QTimer.singleShot(0, watch)
    dialogs.answer = "yes"  # the file is no handout Periodize wrote: replace it (kept as .bak)
    assert not export_handouts_to(window, target, athletes, weeks)
    assert seen and seen[0] == len(athletes) * len(weeks)
    assert target.read_bytes() == b"the handouts printed last week"
    assert "not written" in window.statusBar().currentMessage()
    # no temporary file left, nor a .bak: the file is kept as one only once it is replaced
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"season.pdf"}
    # nor by a later write of the file that asks for none (the cancelled export's wish was left
    # behind for whichever write of the path came next)
    atomic_write(target, b"the handouts printed last week")
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"season.pdf"}
    assert export_handouts_to(window, target, athletes, weeks)  # not cancelled: written
    assert target.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out" / "season.pdf.bak").read_bytes() == b"the handouts printed last week"
    assert f"Wrote {len(athletes) * len(weeks)} handout pages" in window.statusBar().currentMessage()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_handouts_over_a_pdf_of_the_coachs_ask_by_name_and_keep_it_for_good(qtbot, tmp_path, dialogs):
    """A PDF of the coach's own under the handouts' name was replaced unasked and not even kept
    as .bak. Now he is asked, naming it; replaced, it is kept as .bak, the notice says so, and
    a later export over its own handouts leaves that .bak as it is."""
    season = solved_demo()
    window = MainWindow(season, None)
    qtbot.addWidget(window)
    target = tmp_path / "week.pdf"
    target.write_bytes(b"%PDF-1.4 the physio's return-to-play sheet")
    dialogs.answer = "no"
    assert not export_handouts_to(window, target, ["A01"], [6])
    kind, title, words = dialogs[-1]
    assert (kind, title) == ("confirm", "Replace the file?")
    assert "week.pdf was not written by Periodize" in words and "not a PDF Periodize wrote" in words
    assert "(a document of your own?)" in words and "session log" not in words  # a PDF
    assert "kept as week.pdf.bak" in words
    assert target.read_bytes() == b"%PDF-1.4 the physio's return-to-play sheet"
    assert not (tmp_path / "week.pdf.bak").exists()
    dialogs.answer = "yes"
    assert export_handouts_to(window, target, ["A01"], [6])
    assert (tmp_path / "week.pdf.bak").read_bytes() == b"%PDF-1.4 the physio's return-to-play sheet"
    assert "The previous week.pdf is kept as week.pdf.bak." in window.notice.text()
    asked = len(dialogs)
    assert export_handouts_to(window, target, ["A01"], [7])  # its own handout: not asked
    assert len(dialogs) == asked
    assert (tmp_path / "week.pdf.bak").read_bytes() == b"%PDF-1.4 the physio's return-to-play sheet"
    assert "week.pdf.bak (the file that was at week.pdf before Periodize wrote there) is left" \
        in window.notice.text()


def test_a_plan_the_season_outgrew_is_handed_out_only_when_the_coach_says_so(qtbot, tmp_path, dialogs):
    """A match moved after the solve: the plan still has the players training on the new match
    day. Before handouts are written the coach is told, and saying no writes nothing."""
    from planner.edits import MoveCompetition

    season = solved_demo()
    moved = MoveCompetition(competition="league-06", date=dt.date(2026, 9, 20)).apply(season)
    assert moved.plan == season.plan  # the edit keeps the plan
    window = MainWindow(moved, None)
    qtbot.addWidget(window)
    target = tmp_path / "week.pdf"
    assert not export_handouts_to(window, target, ["A01"], [6])
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Plan breaks hard rules")
    assert "League match 6" in text and "Solve again before handing it out" in text
    assert not target.exists()
    dialogs.answer = "yes"
    assert export_handouts_to(window, target, ["A01"], [6])
    assert target.read_bytes().startswith(b"%PDF")


def test_no_plan_no_handouts(qtbot, demo_season, dialogs, tmp_path):
    window = MainWindow(demo_season, None)
    qtbot.addWidget(window)
    assert not handouts_dialog(window)
    assert dialogs.kinds() == ["inform"]
    with pytest.raises(InputError, match=r"plan\.team_weeks: has 0 weeks, the season has 40") as e:
        # the export itself refuses a plan that does not fit
        export_handouts_pdf(demo_season, solved_demo().plan.model_copy(update={"team_weeks": ()}),
                            tmp_path / "x.pdf")
    assert e.value.source == "handouts" and "solve again" in str(e.value)
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith("x")] == []  # nor a temporary one


LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


@pytest.mark.skipif(not (LIBERATION / "LiberationSans-Regular.ttf").exists(),
                    reason="Liberation Sans (LibreOffice's Arial) is not installed")
def test_the_workbooks_widths_are_arials_as_libreoffice_prints_them(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

    from planner.xlsx_layout import text_width

    samples = ["Speed: 4 × 30 m at 95 % (8.6 m/s)", "Kofi Mensah (A07) · Week 10 · 5 to 11 Oct 2026",
               "Wed 30 Sep 2026", "Planned load: 12,345 AU (minutes × RPE of the rules' load table)",
               "Hip-flexor strength LSI ≥ 90 %; kicking: medium kicks", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               "abcdefghijklmnopqrstuvwxyz 0123456789 .,:;!?'\"()[]{}-+=/*&%@#"]
    for bold, name in ((False, "LiberationSans-Regular.ttf"), (True, "LiberationSans-Bold.ttf")):
        fid = QFontDatabase.addApplicationFont(str(LIBERATION / name))
        family = QFontDatabase.applicationFontFamilies(fid)[0]
        font = QFont(family)
        font.setPixelSize(1000)
        font.setBold(bold)
        font.setKerning(False)
        fm = QFontMetricsF(font)
        for s in samples:
            assert text_width(s, 10, bold) == pytest.approx(fm.horizontalAdvance(s) / 100, rel=0.01), s


def test_a_fit_day_logged_under_its_ceiling_is_not_a_day_that_went_otherwise(qapp):
    """68 % on a fit player's "up to 70 %" day counts as the 60 % level (rules-spec.md section
    9), and the board's corner, the Inspector and the handout called it a day that went
    otherwise: the coach chased a phantom. Above the ceiling, or a speed day, it still is one."""
    from planner import edits as E
    from planner.handout import Handouts
    from planner.season import Session
    from planner.timeline import Timeline
    from solver import SolveRequest, solve
    from tests.exports.demo import solved_demo
    from ui.desktop.pastview import otherwise_text, past_marks

    season = solved_demo()
    tl = Timeline(season)
    ap = season.plan.for_athlete("A05")
    week = tl.weeks[3]
    d70 = next(i for i in week.days if ap.stages[i] == "FIT" and ap.intensity[i] == 70)
    d0 = next(i for i in week.days if ap.stages[i] == "FIT" and ap.intensity[i] == 0
              and tl.is_training[i])
    ill = next(i for i in week.days if ap.stages[i] == "FIT" and ap.intensity[i] == 70 and i != d70)
    moved = E.AdvanceToday(today=tl.days[week.last + 1]).apply(season)
    moved = E.LogSessions(sessions=(
        Session(athlete="A05", date=tl.days[d70], minutes=75, rpe=4, top_speed_pct=68),
        Session(athlete="A05", date=tl.days[d0], minutes=40, rpe=3, top_speed_pct=72),
        Session(athlete="A05", date=tl.days[ill], minutes=0, rpe=0, note="ill"),  # not trained
    )).apply(moved)
    moved = moved.model_copy(update={"plan": solve(SolveRequest(moved, time_limit=30)).plan})
    got = moved.plan.for_athlete("A05")
    assert got.planned.get(tl.days[d70]) == 70 and got.intensity[d70] == 60  # the spec's level
    marks = past_marks(moved)
    assert marks.mark("A05", d70) == "logged" and otherwise_text(moved, "A05", tl.days[d70]) == ""
    assert marks.mark("A05", d0) == "otherwise"  # 72 % on a recovery day: above what was planned
    days = {d.date: d for d in Handouts(moved, moved.plan).weeks("A05", [week.index])[0].days}
    assert days[tl.days[d70]].deviation == "" and not days[tl.days[d70]].as_logged
    assert days[tl.days[d0]].deviation.startswith("Logged 72 % (counts as 70 %), planned no running")
    # a training day not trained (0 min, ill) went otherwise: it read "done as planned"
    assert marks.mark("A05", ill) == "otherwise"
    assert otherwise_text(moved, "A05", tl.days[ill]) == "planned 70 %, did not train (0 min logged)"
    assert days[tl.days[ill]].as_logged
    assert days[tl.days[ill]].deviation == "Did not train (0 min logged), planned 70 %"


def test_every_week_of_the_rehab_athletes_fits_its_page(qapp):
    """Kofi's heavy rehab weeks (logged days, deviations, the stage's words) ran under the
    footer or lost their Sunday row: every week of the demo's injured athletes, mid-season with
    a log, is set at a type size at which it fits its page."""
    from planner import edits as E
    from planner.progress import projected_transitions
    from planner.sessionlog import read_sessions
    from solver import SolveRequest, solve
    from templates import path as template_path

    season = solved_demo()
    today = dt.date(2026, 12, 1)  # the bundled log's weeks, as docs/cli.md's example moves today
    moves = projected_transitions(season, today)
    season = E.AdvanceToday(today=today, accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date) for t in moves)).apply(season)
    log = read_sessions(template_path("demo-sessions.csv"), season).sessions
    season = E.LogSessions(sessions=tuple(log)).apply(season)
    plan = solve(SolveRequest(season, time_limit=30)).plan
    injured = [a.id for a in season.athletes if season.injuries_of(a.id)]
    assert len(injured) >= 3 and log
    sizes = []
    handouts_pdf(season, plan, injured, None, exported=dt.date(2026, 12, 1), sizes=sizes)
    assert len(sizes) == len(injured) * len(Timeline(season).weeks)
    assert all(fits for *_, fits in sizes), [s for s in sizes if not s[3]]
    assert min(size for _, _, size, _ in sizes) < 9.5  # the heavy weeks were made to fit


def _pdf_words(data: bytes, tmp: Path) -> list[tuple[float, float, list[tuple[QRectF, str]]]]:
    """Per page of ``data``: its width, height and every word as printed (pdftotext -bbox),
    each with its rectangle."""
    pdf = tmp / "words.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for w, h, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(QRectF(QPointF(float(x0), float(y0)), QPointF(float(x1), float(y1))),
                  unicodedata.normalize("NFKC", html.unescape(t)))  # "eﬀort" -> "effort"
                 for x0, y0, x1, y1, t in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                                     r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body)]
        pages.append((float(w), float(h), words))
    return pages


def _overprinted(words: list[tuple[QRectF, str]]) -> list[tuple[str, str]]:
    """Every two words printed over each other by more than half a point each way, as (the one
    printed first, the other), in the page's order. Only a word that starts left of another's
    right edge can be over it: the words are met by their left edge and each is held against
    those (the pairs of comparing every two, without a page's tens of thousands of them)."""
    boxes = [r.normalized() for r, _ in words]
    by_left = sorted(range(len(boxes)), key=lambda k: boxes[k].left())
    pairs = []
    for n, k in enumerate(by_left):
        for j in by_left[n + 1:]:
            if boxes[j].left() >= boxes[k].right():
                break  # this one and every later one start right of word k
            both = boxes[k] & boxes[j]
            if both.width() > 0.5 and both.height() > 0.5:
                pairs.append((min(k, j), max(k, j)))
    return [(words[k][1], words[j][1]) for k, j in sorted(pairs)]


def _line_box(words: list[tuple[QRectF, str]], line: str) -> QRectF:
    """The rectangle of the first run of ``words`` that reads ``line``'s words in order."""
    want = line.split()
    for i in range(len(words) - len(want) + 1):
        if [t for _, t in words[i:i + len(want)]] == want:
            box = QRectF(words[i][0])
            for r, _ in words[i + 1:i + len(want)]:
                box = box.united(r)
            return box
    raise AssertionError(f"not printed: {line!r}")


@needs_pdftotext
def test_the_players_line_and_the_glossary_print_apart_whatever_the_weeks_rows(qapp, tmp_path):
    """Kofi Mensah's handout of the week of his flare-up (calm days, logged and planned days,
    a deload: long rows, and a glossary of three lines) printed the bold "After each session
    tell the coach …" over the glossary's first line: the footer was kept two lines high. Every
    page of the injured players' weeks around today prints the line and the glossary apart,
    inside the page, and no word over another."""
    from planner import edits as E
    from planner.handout import REPORT_LINE, page_terms
    from planner.progress import projected_transitions
    from planner.sessionlog import read_sessions
    from solver import SolveRequest, solve
    from templates import path as template_path

    season = solved_demo()
    today = dt.date(2026, 12, 1)  # the bundled log's weeks, as the review's `advance` moved today
    moves = projected_transitions(season, today)
    season = E.AdvanceToday(today=today, accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date) for t in moves)).apply(season)
    season = E.LogSessions(sessions=tuple(read_sessions(template_path("demo-sessions.csv"),
                                                        season).sessions)).apply(season)
    season = E.RecordFlareUp(athlete="A07", date=dt.date(2026, 11, 29)).apply(season)
    plan = solve(SolveRequest(season, time_limit=30)).plan
    now = Timeline(season).week_index_of_date(today)
    weeks = [now - 1, now, now + 1]
    injured = [a.id for a in season.athletes if season.injuries_of(a.id)]
    assert "A07" in injured
    sizes: list = []
    data, pages = handouts_pdf(season, plan, injured, weeks, exported=today, sizes=sizes)
    assert all(fits for *_, fits in sizes), sizes
    said = handout_weeks(season, plan, injured, weeks)
    printed = _pdf_words(data, tmp_path)
    assert len(said) == len(printed) == pages
    three = 0
    for week, (width, height, words) in zip(said, printed, strict=True):
        page = QRectF(0, 0, width, height)
        assert all(page.contains(r) for r, _ in words), week.who
        terms = page_terms(week)
        first = " ".join(terms.split()[:6])  # the glossary's first words, on its first line
        glossary = _line_box(words, first)
        report = _line_box(words, week.report)
        assert week.report == REPORT_LINE and report.bottom() <= glossary.top(), (week.who, week.week)
        three += len({round(r.top()) for r, t in words if r.top() >= glossary.top()}) >= 3
        overprinted = _overprinted(words)
        assert not overprinted, (week.who, week.week, overprinted[:3])
    assert three, "no page's glossary took three lines: the case is not met"


def test_a_provisional_rehab_week_keeps_the_type_of_the_pages_around_it():
    """Isaac Boateng's provisional P2 and P3 weeks repeated on every row "Provisional: only once
    … is passed (…; ask the physio)" and "The exercises of your stage (…), then running: … in a
    straight line, reaching that speed and no faster (…)": the pages were set in 7 pt to fit.
    The note is said once a week, how to run in the week's Running row: 9 pt or more."""
    season = solved_demo()
    ap = season.plan.for_athlete("A19")
    tl = Timeline(season)
    weeks = [w for w in range(5) if any(ap.stages[i] in ("P2", "P3") and ap.intensity[i] >= 60
                                        for i in tl.weeks[w].days)]
    assert weeks
    sizes = []
    handouts_pdf(season, season.plan, ["A19"], weeks, exported=dt.date(2026, 8, 1), sizes=sizes)
    assert all(fits and size >= 9.0 for _, _, size, fits in sizes), sizes


def test_a_day_of_a_week_already_lived_opens_the_handouts_on_todays_week(qtbot):
    """After logging last week (the Log panel selects its days), Export Handouts opened on the
    week just logged, as logged, rather than the week to hand out."""
    from planner import edits as E
    from ui.desktop.handouts import current_week, window_dialog

    season = E.AdvanceToday(today=dt.date(2026, 10, 7)).apply(solved_demo())
    window = MainWindow(season, None, autosave=False)
    qtbot.addWidget(window)
    tl = Timeline(season)
    window.board.set_current("A12", dt.date(2026, 9, 29))  # last week, as logged
    d = window_dialog(window)
    qtbot.addWidget(d)
    assert d.chosen_weeks()[0] == current_week(tl) == tl.week_of[tl.index(dt.date(2026, 10, 7))]
    assert d.chosen_athletes() == ["A12"]
    window.board.set_current("A12", dt.date(2026, 10, 21))  # a week ahead: as selected
    d = window_dialog(window)
    qtbot.addWidget(d)
    assert d.chosen_weeks()[0] == tl.week_of[tl.index(dt.date(2026, 10, 21))]


@pytest.fixture(scope="module")
def away_season():
    """Six weeks; A2 away on loan for weeks 2 to 4 whole and from Wednesday of week 5 on (the
    rest of the season), A3 on international duty all of week 6 and on its Sunday's eve."""
    from planner.season import Unavailability
    from solver import SolveRequest, solve
    from tests.builders import day, season

    s = season(weeks=6, athletes=3, unavailable=(
        Unavailability(athlete="A2", start=day(7), end=day(27), reason="Loan"),
        Unavailability(athlete="A2", start=day(30), end=day(41), reason="Loan"),
        Unavailability(athlete="A3", start=day(35), end=day(41), reason="International duty")))
    out = solve(SolveRequest(s, time_limit=20))
    from planner.check import check_plan

    assert out.plan is not None and check_plan(s, out.plan).ok
    return s.model_copy(update={"plan": out.plan})


def test_a_week_away_is_one_line_and_a_run_of_them_one_page(away_season):
    """A handout for a week the athlete was away every day printed a full page of 'Load week:
    normal training, at most 2 speed days…', 'Stage: Fit: full training.' and seven 'Away —
    Loan: no running load planned.' rows, and a season on loan 8 such pages."""
    s = away_season
    weeks = handout_weeks(s, s.plan, ["A2", "A3"])
    a2 = [w for w in weeks if w.athlete == "A2"]
    assert [(w.week, w.last_week) for w in a2] == [(1, 0), (2, 4), (5, 0), (6, 0)]
    run = a2[1]
    assert run.away == "Loan" and run.kind_text == "Away all 3 weeks (Loan): nothing planned"
    assert run.heading == f"Weeks 2–4 · {text.span(s.calendar.start + dt.timedelta(days=7), s.calendar.start + dt.timedelta(days=27))}"
    assert run.stage == run.limits == run.milestone == "" and run.planned_load is None
    assert not a2[2].away and "Load week" in a2[2].kind_text  # away from Wednesday only: a week
    assert a2[3].away == "Loan" and a2[3].kind_text == "Away all week (Loan): nothing planned"
    (a3,) = [w for w in weeks if w.athlete == "A3" and w.away]  # another reason, its own line
    assert a3.kind_text == "Away all week (International duty): nothing planned"


@needs_pdftotext
def test_a_handout_of_weeks_away_prints_their_line_alone(qapp, tmp_path, away_season):
    s = away_season
    data, pages = handouts_pdf(s, s.plan, ["A2"], exported=dt.date(2026, 7, 1))
    assert pages == 4  # weeks 1, 2-4, 5 and 6
    text_pages = _text_pages(data, tmp_path)
    away = [p for p in text_pages if "Away all" in p]
    assert len(away) == 2 and "Weeks 2–4" in away[0]
    for page in away:
        assert "nothing planned." in page
        assert "Load week" not in page and "Stage" not in page and "no running load" not in page
        assert "Fit: full training" not in page and "Planned load" not in page
    assert "Load week" in text_pages[2] and "Stage" in text_pages[2]  # away from Wednesday only


def test_the_athlete_sheet_gives_weeks_away_one_line(tmp_path, away_season):
    import openpyxl

    from planner.xlsx_export import export_workbook

    s = away_season
    export_workbook(s, s.plan, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    ws = next(wb[n] for n in wb.sheetnames if "Athlete 2" in n or n.startswith("A2"))
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Away all 3 weeks (Loan): nothing planned." in cells
    assert "Away all week (Loan): nothing planned." in cells
    # day rows only for week 5's days away (from its Wednesday), none for the weeks away
    assert sum(1 for c in cells if "no running load planned" in c) == 5
    assert sum(1 for c in cells if c.startswith("Load week")) == 2  # weeks 1 and 5


def test_the_progress_counts_the_pages_written_not_athletes_times_weeks(qapp):
    """Weeks away in a row share a page, so the bar's end is the pages', told with each step."""
    from PySide6.QtWidgets import QProgressDialog

    from ui.desktop.pageprogress import page_step

    dlg = QProgressDialog("Handouts", "Cancel", 0, 240)
    assert page_step(dlg, 0, 200, every=10) and dlg.maximum() == 200
    dlg.close()


@needs_pdftotext
def test_a_signing_without_a_max_speed_reads_so_in_his_handouts_header(qapp, tmp_path):
    """A signing's header read "Rafael Costa (A25) / Forward", others "Midfielder · max speed
    9.1 m/s (32.8 km/h)": nothing said his % targets had no speed to aim at, nor how to get one.
    It says so where the max speed would stand; a measured one still reads as it did."""
    from planner.sessions import NO_MAX_SPEED_HEADER, max_speed_header

    demo = solved_demo()
    season = demo.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": None}) if a.id == "A04" else a for a in demo.athletes)})
    data, _ = handouts_pdf(season, season.plan, ["A04", "A05"], [9])
    unmeasured, measured = _text_pages(data, tmp_path)
    assert _has_words(unmeasured, NO_MAX_SPEED_HEADER), unmeasured
    assert NO_MAX_SPEED_HEADER.startswith("max speed not measured: time their first near-max sprint")
    ms = season.athlete("A05").max_speed
    assert max_speed_header(ms) == f"max speed {ms:g} m/s ({ms * 3.6:.1f} km/h)"
    assert _has_words(measured, max_speed_header(ms)) and "not measured: time" not in measured
    assert "Speed day: a day at ≥ 80 % of your max speed" in " ".join(unmeasured.split())


def test_the_whole_squad_leaves_out_a_player_away_all_week_and_one_chosen_alone_keeps_his(
        qapp, qtbot, tmp_path):
    """Whole squad, the week of a loan: a page "Away all week (Loan to Harbour Town): nothing
    planned" was printed for a player not at the club. He is left out and the count line says
    who; chosen alone, he still gets his page; the command line's folder has no file of his."""
    from planner import edits as E
    from planner.handout import away_left_out, away_left_out_words
    from planner.season import Unavailability

    season = solved_demo()
    tl = Timeline(season)
    w = 6
    a = season.athletes[3]
    first, last = tl.days[tl.weeks[w].first], tl.days[tl.weeks[w].last]
    loan = E.AddUnavailability(unavailability=Unavailability(
        athlete=a.id, start=first, end=last + dt.timedelta(days=3), reason="Loan to Harbour Town"
    )).apply(season)
    ids = [x.id for x in season.athletes]
    assert away_left_out(loan, ids, [w]) == {a.id: "Loan to Harbour Town"}
    assert away_left_out(loan, ids, [w, w + 1]) == {}  # with the squad for part of the weeks
    assert away_left_out(loan, [a.id], [w]) == {}  # chosen alone: his page
    assert away_left_out_words(loan, {a.id: "Loan"}, [w, w + 1]) == f"{a.name} (away both weeks: Loan) left out"
    d = HandoutsDialog(loan, today=first)
    qtbot.addWidget(d)
    n = len(season.athletes)
    assert d.summary.text() == (f"{n - 1} pages to print; {a.name} (away all week: Loan to "
                                f"Harbour Town) left out.")
    assert a.id in d.chosen_athletes() and a.id not in d.printed_athletes()
    assert len(d.printed_athletes()) == n - 1
    d._check_all(Qt.CheckState.Unchecked)
    item = next(d.athletes.item(k) for k in range(d.athletes.count())
                if d.athletes.item(k).data(Qt.ItemDataRole.UserRole) == a.id)
    item.setCheckState(Qt.CheckState.Checked)
    assert d.printed_athletes() == [a.id] and d.summary.text() == "1 page to print."
    files = export_handouts(loan, loan.plan, tmp_path / "ho", weeks=[w])
    assert len(files) == n - 1 and not any(a.name in f.name for f in files)


def test_the_left_out_line_wraps_and_the_dialog_keeps_its_width(qapp, qtbot):
    """Choosing the week of a loan added "… (away all week: Loan to Harbour Town) left out" to
    the count line, and the dialog widened under the coach's pointer: the line wraps."""
    from planner import edits as E
    from planner.season import Unavailability

    season = solved_demo()
    tl = Timeline(season)
    w = 6
    first, last = tl.days[tl.weeks[w].first], tl.days[tl.weeks[w].last]
    reason = "Loan to Harbour Town Football Club for the rest of the month, then reviewed"
    loan = season
    for a in season.athletes[2:6]:
        loan = E.AddUnavailability(unavailability=Unavailability(
            athlete=a.id, start=first, end=last, reason=reason)).apply(loan)
    d = HandoutsDialog(loan, today=tl.days[tl.weeks[w - 1].first])
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.first.setCurrentIndex(w - 1)
    d.last.setCurrentIndex(w - 1)
    QApplication.processEvents()
    assert "Harbour Town" not in d.summary.text()
    width = d.width()
    d.first.setCurrentIndex(w)
    d.last.setCurrentIndex(w)
    QApplication.processEvents()
    assert d.summary.text().count("Harbour Town") == 4 and len(d.summary.text()) > 200
    assert d.width() == width


def test_the_count_line_and_the_folder_leave_out_the_weeks_of_a_winter_break(qapp, qtbot, tmp_path):
    """Weeks 1-6 with a four-week winter break: "108 pages to print", half of them "Rest day:
    Winterpause" ×7. The count line says the weeks left out and counts without them, the PDF
    and the folder hold no page of them; a break week chosen alone is still printed."""
    from tests.exports.test_handout import _winter_break

    s = _winter_break(range(7, 21))
    d = HandoutsDialog(s, today=s.calendar.start)
    qtbot.addWidget(d)
    d.last.setCurrentIndex(3)
    assert d.chosen_weeks() == [0, 1, 2, 3]
    assert d.summary.text() == ("4 pages to print; 2 weeks without training left out: "
                                "Winterpause.")
    assert d.ok.isEnabled()
    _, pages = handouts_pdf(s, s.plan, None, [0, 1, 2, 3])
    assert pages == 4
    d.first.setCurrentIndex(1)
    d.last.setCurrentIndex(1)
    assert d.summary.text() == "2 pages to print."
    _, pages = handouts_pdf(s, s.plan, ["A1"], [1])
    assert pages == 1
    files = export_handouts(s, s.plan, tmp_path / "ho", weeks=[1, 2])
    assert files == []  # both weeks in the break: no file
    files = export_handouts(s, s.plan, tmp_path / "ho2", weeks=[0, 1, 2, 3])
    assert len(files) == 2


@needs_pdftotext
def test_the_printed_footer_defines_the_pages_terms_and_the_week_still_fits(qapp, tmp_path):
    """The footer's definitions grew by MD-3/MD+2, deload, taper and AU: a deload and a taper
    week still print on one A4 page each, at the type they had, the definitions on two lines
    beside the page number."""
    season = solved_demo()
    kinds = season.plan.team_weeks
    weeks = [kinds.index("deload"), kinds.index("taper")]
    sizes = []
    data, pages = handouts_pdf(season, season.plan, ["A05"], weeks, sizes=sizes)
    assert pages == 2 and all(fits and size >= 9.0 for *_, size, fits in sizes), sizes
    deload, taper = (" ".join(p.split()) for p in _text_pages(data, tmp_path))
    assert "Deload: shorter training sessions, to recover; matches as planned" in deload and "Taper:" not in deload
    assert "MD: match day, MD-3: 3 days before it" in deload and "page 1 of 2" in deload
    assert "Taper: shorter training before a main match, to arrive fresh; matches as planned" in taper
    assert "Load: minutes × RPE, in AU (arbitrary units)" in taper and "page 2 of 2" in taper


@pytest.fixture(scope="module")
def away_in_rehab():
    """Six weeks; A1 in P3 of a hamstring strain, A2 in P1 of one, both away (family abroad)
    all of week 1; solved and checked."""
    from planner.season import Injury, StageRecord, Unavailability
    from tests.builders import day, season, solved_and_checked

    hurt = tuple(Injury(athlete=a, protocol="hamstring-strain", onset=day(-20 if st == "P3" else -1),
                        stages=(StageRecord(stage=st, start=day(-1)),))
                 for a, st in (("A1", "P3"), ("A2", "P1")))
    away = tuple(Unavailability(athlete=a, start=day(0), end=day(6), reason="Family (abroad)")
                 for a in ("A1", "A2"))
    s = season(weeks=6, athletes=3, injuries=hurt, unavailable=away)
    out, _ = solved_and_checked(s)
    return s.model_copy(update={"plan": out.plan})


def test_a_week_away_in_rehab_says_the_stage_and_what_is_still_asked(away_in_rehab):
    """Mateo away a week in S1: the handout said only "Away all week (Family (abroad)): nothing
    planned." It says the stage and what the player keeps doing (no running in a stage without
    any), still with nothing planned."""
    s = away_in_rehab
    weeks = {w.athlete: w for w in handout_weeks(s, s.plan, ["A1", "A2", "A3"], [0])}
    a1, a2 = weeks["A1"], weeks["A2"]
    assert s.plan.for_athlete("A1").stages[0] == "P3" and s.plan.for_athlete("A2").stages[0] == "P1"
    assert a1.away == a2.away == "Family (abroad)"
    assert a1.kind_text == "Away all week (Family (abroad)): nothing planned"
    assert a1.stage == "Rehab P3: keep your home exercises; no sprinting until you are back"
    assert a2.stage == "Rehab P1: keep your home exercises; no running until you are back"
    assert a1.planned_load is None and a1.speed_days == 0 and a1.milestone == ""
    assert not weeks["A3"].away and weeks["A3"].stage.startswith("Fit")


def test_the_athlete_sheet_of_a_week_away_in_rehab_says_the_stage(tmp_path, away_in_rehab):
    import openpyxl

    from planner.xlsx_export import export_workbook

    s = away_in_rehab
    export_workbook(s, s.plan, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    ws = next(wb[n] for n in wb.sheetnames if "Athlete 1" in n or n.startswith("A1"))
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Away all week (Family (abroad)): nothing planned." in cells
    assert "Rehab P3: keep your home exercises; no sprinting until you are back." in cells


@needs_pdftotext
def test_the_page_of_a_week_away_in_rehab_prints_the_stage_line(qapp, tmp_path, away_in_rehab):
    s = away_in_rehab
    data, pages = handouts_pdf(s, s.plan, ["A1"], [0], exported=dt.date(2026, 7, 1))
    (page,) = _text_pages(data, tmp_path)
    assert "Away all week (Family (abroad)): nothing planned." in page
    assert _has_words(page, "Rehab P3: keep your home exercises; no sprinting until you are back.")


def test_the_players_running_line_says_what_to_do_not_how_the_planner_counts():
    """The Running row of every rehab page read "a slower run counts one step down (under 60 %:
    not at all)", the planner's counting; the player's says what to do."""
    from planner.handout import RUN_RULE_PLAYER

    assert "step down" not in RUN_RULE_PLAYER and "not at all" not in RUN_RULE_PLAYER
    assert RUN_RULE_PLAYER.endswith("If you cannot reach that speed, tell the physio: your next "
                                    "step up may have to wait.")


@needs_pdftotext
@pytest.mark.parametrize("anonymise", [False, True])
def test_a_speed_is_never_split_across_two_lines(qapp, tmp_path, anonymise):
    """Review 279: Kofi's Session column printed "Rehab P2: 6 × 80 m at 60 % (5.6 m/" with "s)"
    on the next line, three times a week in pre-season (11 times in his autumn weeks): the page
    breaks after the slash. "m/s" and "km/h" stay one word, with their number, on every row
    and in the week's lines above them; the words read as before."""
    season = solved_demo()
    data, _ = handouts_pdf(season, season.plan, ["A07"], [0, 1, 2], anonymise=anonymise)
    pages = _text_pages(data, tmp_path)
    weeks = handout_weeks(season, season.plan, ["A07"], [0, 1, 2], anonymise=anonymise)
    for page, w in zip(pages, weeks, strict=True):
        lines = [x.strip() for x in page.splitlines()]
        assert not [x for x in lines if x.endswith(("m/", "km/"))], w.title
        assert not [x for x in lines if re.match(r"[sh]\)?(?: |$)", x)], w.title
        assert not [x for x in lines if x.startswith(("m/s", "km/h"))], w.title  # not its number
        runs = [d.session for d in w.days if d.session.speed_ms is not None]
        assert runs and all(f"({p.speed_ms:.1f} m/s)" in page for p in runs)  # no stray character


@needs_pdftotext
def test_the_footer_explains_provisional_and_lsi_where_a_page_uses_them(qapp, tmp_path):
    """Review 279: Kofi's first week read "Provisional: the move P1 → P2 (Mon 3 Aug) waits on
    Isometric hip-flexion strength LSI ≥ 70 %" and its footer explained RPE, MD and AU but neither
    word: a player needed the physio beside them. A page that uses them says what they mean at
    its foot; a fit player's page does not; anonymised (the test is "a criteria test") no LSI."""
    season = solved_demo()
    provisional = "Provisional: once the physio's test is passed"
    lsi = "LSI: the injured side as a % of the other"
    for anonymise, want in ((False, (provisional, lsi)), (True, (provisional,))):
        data, _ = handouts_pdf(season, season.plan, ["A07", "A05"], [0], anonymise=anonymise)
        kofi, fit = (" ".join(p.split()) for p in _text_pages(data, tmp_path))
        assert "Provisional: only once" in kofi
        assert ("LSI ≥" in kofi) is not anonymise
        for term in (provisional, lsi):
            assert (term in kofi) is (term in want), (anonymise, term)
            assert term not in fit
