"""Who is back when (issue 14, item 1): the Returns panel lists each injured athlete's return,
stage today, next milestone, first match and target met or missed, updates after every solve and
edit, marks a missed target on the board's name column, and a click selects the athlete."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from planner import edits as E
from planner.season import Athlete, Calendar, Competition, Injury, Season, StageRecord
from planner.text import day_long
from ui.desktop.mainwindow import MainWindow

D = dt.date


def late_return() -> Season:
    """Ben is in P2 of an iliopsoas tendinopathy from Mon 7 Dec; his target, the cup tie on
    Sat 6 Feb, comes two days before the protocol's minimum days can bring him back."""
    return Season(
        name="Test United", calendar=Calendar(start=D(2026, 11, 30), end=D(2027, 2, 28)),
        competitions=(Competition(id="c2", name="League", date=D(2027, 1, 16), priority="C"),
                      Competition(id="c1", name="Cup tie", date=D(2027, 2, 6), priority="B")),
        athletes=(Athlete(id="A01", name="Ben Hart", position="Midfielder"),
                  Athlete(id="A02", name="Sam Cole", position="Forward")),
        injuries=(Injury(athlete="A01", protocol="iliopsoas-tendinopathy", onset=D(2026, 11, 20),
                         stages=(StageRecord(stage="P2", start=D(2026, 12, 7)),),
                         target_competition="c1"),))


@pytest.fixture
def w(qtbot):
    win = MainWindow(late_return(), None)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.board.today_override = D(2026, 12, 14)
    win.show()
    win.solve_time_limit = 30.0
    return win


def solve(w, qtbot):
    with qtbot.waitSignal(w.solve_finished, timeout=60_000) as got:
        w.solve_action.trigger()
    assert got.args[0].plan is not None
    return got.args[0]


def test_the_returns_panel_says_who_is_back_when_and_a_missed_target(w, qtbot):
    panel = w.returns_panel
    # Before a plan: the injured athlete is listed, the dates wait for a solve.
    assert [r.athlete for r in panel.rows] == ["A01"]
    assert not panel.rows[0].planned and "solve (F5)" in panel.row_texts()[0]
    assert "not planned yet" in panel.summary.text()

    solve(w, qtbot)
    (row,) = panel.rows
    assert row.planned and row.back == D(2027, 2, 8) and row.target_met is False
    cells = dict(zip(["athlete", "back", "first", "target", "prov", "today", "next", "injury"],
                     panel.row_texts()[0], strict=True))
    assert cells["athlete"] == "Ben Hart" and cells["back"] == "Mon 8 Feb\nprovisional"
    assert cells["target"] == "✖ MISSED: Cup tie"
    assert cells["today"] == "P2" and cells["next"] == "P3 Mon 28 Dec"
    assert cells["injury"] == "Persistent iliopsoas tendinopathy"  # not the file name
    assert "target missed" in panel.summary.text() and "Ben Hart (Cup tie)" in panel.summary.text()
    assert w.docks["returns"].windowTitle() == "Returns ⚠"
    # The board marks it on the name column; the name's tooltip and the inspector say it.
    assert w.board.missed_target("A01") and not w.board.missed_target("A02")
    y = w.board.cell_rect("A01", D(2026, 12, 1)).center().y()
    tip = w.board.tooltip_at(w.board.cell_rect("A01", D(2026, 12, 1)).center().__class__(30, y))
    assert "back to full training Mon 8 Feb 2027" in tip and "Cup tie" in tip and "MISSED" in tip
    w.board.set_current("A01", D(2026, 12, 14))
    assert "MISSED" in w.inspector.toPlainText()
    # the next gate the return waits on, with its stage, then the later stages' (P3 and S3 have
    # a test of one name); five stages' tests in one parenthesis hid the next one
    assert "(provisional: P2's Hip-flexor strength LSI (≥ 80 %) not passed yet, then P3's and " \
           "S3's tests)" in " ".join(w.inspector.toPlainText().split()), w.inspector.toPlainText()

    # A click selects the athlete on his return day.
    panel.table.itemClicked.emit(panel.table.item(0, 3))
    assert w.board.current() == ("A01", D(2027, 2, 8))

    # An edit updates it at once (the plan is kept: the cup tie a week later is not played)…
    assert w.apply_edit(E.MoveCompetition(competition="c1", date=D(2027, 2, 13)))
    assert w.season.plan is not None and panel.rows[0].target_date == D(2027, 2, 13)
    # …and the next solve plans him for it.
    solve(w, qtbot)
    assert panel.rows[0].target_met is True and "✔ met: Cup tie" in panel.row_texts()[0]
    # his first match back is a start (his squad role): the return says how to cap its minutes
    assert panel.rows[0].first_role == "start"
    assert "as a starter (to cap the minutes of the first match back, set bench for it in the " \
           "Roles panel)" in panel.rows[0].sentence()
    first = next(c for c in w.season.competitions if c.date == panel.rows[0].first_match)
    assert w.apply_edit(E.SetRole(competition=first.id, athlete="A01", role="bench"))
    assert panel.rows[0].first_role == "bench" and "as a starter" not in panel.rows[0].sentence()
    # the plan, not solved again yet, still starts him there: no "first start" on the same day
    assert "off the bench" in panel.rows[0].sentence()
    assert "first start" not in panel.rows[0].sentence()
    w.undo_action.trigger()
    assert not w.board.missed_target("A01")
    assert w.docks["returns"].windowTitle() == "Returns"
    w.undo_action.trigger()
    assert panel.rows[0].target_met is False


def test_no_injured_athlete(qtbot):
    season = late_return().model_copy(update={"injuries": ()})
    w = MainWindow(season, None)
    qtbot.addWidget(w)
    assert w.returns_panel.rows == [] and "everyone is fit" in w.returns_panel.summary.text()


def test_a_long_competition_name_does_not_push_the_other_columns_out_of_a_narrow_dock(qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.desktop.returnspanel import MAX_COLUMN, ReturnRow, ReturnsPanel

    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 300)
    panel.show()
    long_name = "League match vs Derby County Under-23 (home, floodlit)"
    panel.set_rows([ReturnRow(
        athlete="A01", name="Kofi Mensah", injury="Hamstring strain", onset=D(2026, 9, 1),
        today="S2", next="S3 Mon 5 Oct", back=D(2026, 10, 6), first_match=D(2026, 10, 10),
        target=long_name, target_date=D(2026, 10, 3), target_met=False, provisional=True,
        planned=True)])
    cap = panel.fontMetrics().horizontalAdvance("x") * MAX_COLUMN
    target = panel.row_texts()[0][3]
    assert target == f"✖ MISSED: {long_name}"  # the whole text is there (elided on screen)
    assert panel.table.columnWidth(3) <= cap
    assert long_name in panel.table.item(0, 3).toolTip()
    # provisional beside the date: the Provisional column is out of sight in a narrow dock
    assert panel.row_texts()[0][1] == "Tue 6 Oct\nprovisional"
    # Athlete, Back, First match and the whole Target column fit in the dock's width, and the
    # target's text wraps inside its row instead of being cut.
    header = panel.table.horizontalHeader()
    viewport = panel.table.viewport().width()
    assert header.sectionViewportPosition(3) + panel.table.columnWidth(3) <= viewport
    _assert_unclipped(panel, 0, 3)
    # the columns out of sight (Today, Next, Injury) are said in words under the table
    words = panel.details.text()
    assert "<b>Kofi Mensah</b>, Hamstring strain: now S2; next: S3 Mon 5 Oct; back to full" in \
        words.replace("\u00a0", " ")
    QApplication.processEvents()  # the layout gives the table its rows' height
    assert _in_panel(panel, panel.details).top() > _in_panel(panel, panel.table).bottom()
    panel.resize(300, 300)  # a narrower dock: the column follows it, the row grows
    qtbot.waitUntil(lambda: panel.table.viewport().width() < viewport)
    _assert_unclipped(panel, 0, 3)


def _assert_unclipped(panel, row: int, col: int) -> None:
    """The cell's text, wrapped at its column's width, fits in its row's height."""
    from PySide6.QtCore import QRect, Qt

    table = panel.table
    fm = table.fontMetrics()
    inner = table.columnWidth(col) - 2 * fm.horizontalAdvance("x")  # the cell's margins
    text = table.item(row, col).text()
    needed = fm.boundingRect(QRect(0, 0, inner, 10000), int(Qt.TextFlag.TextWordWrap), text).height()
    assert fm.horizontalAdvance(text) > inner  # it does need more than one line
    assert needed <= table.rowHeight(row), (text, needed, table.rowHeight(row))


def test_without_a_today_the_board_and_panel_read_the_season_start_not_the_computers_date(qtbot):
    """The planner plans a season without ``today`` from its start; the board's today line, Go to
    Today and the Returns panel say the same day, whatever the computer's date."""
    from planner.timeline import Timeline
    from ui.desktop.returnspanel import today_index

    season = late_return()
    assert season.calendar.today is None
    win = MainWindow(season, None)
    qtbot.addWidget(win)
    assert win.board._today == 0
    assert today_index(season, Timeline(season)) == 0
    win.go_to_today()
    assert win.board.current()[1] == season.calendar.start


def test_a_target_not_played_after_a_return_rts_no_longer_counts_is_not_a_miss(qtbot):
    """Back today, the target next week not played: the panel said "✖ MISSED" and titled its
    dock "Returns ⚠" while the plan check (RTS no longer counts the target) was clean."""
    from ui.desktop.returnspanel import ReturnRow, ReturnsPanel

    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    row = ReturnRow(athlete="A01", name="Kofi Mensah", injury="Iliopsoas", onset=D(2026, 7, 24),
                    today="FIT", next="—", back=D(2026, 10, 5), first_match=D(2026, 10, 10),
                    target="Derby (home)", target_date=D(2026, 10, 17), target_met=False,
                    provisional=False, planned=True, selection=True)
    panel.set_rows([row])
    assert not row.missed
    assert panel.row_texts()[0][3] == "not played: Derby (home)"
    assert "MISSED" not in row.sentence() and "not played" in row.sentence()
    assert "choice of selection" in panel.summary.text() and "missed" not in panel.summary.text()
    counted = ReturnRow(**{**row.__dict__, "selection": False})
    panel.set_rows([counted])
    assert counted.missed and panel.row_texts()[0][3] == "✖ MISSED: Derby (home)"


def test_a_solve_that_moves_a_return_says_so_in_the_status_bar(w, qtbot):
    """A flare-up recorded, then F5: the return moved by weeks and the status bar said only
    "Solved in 1.8 s …"; the coach found it later on the Returns tab."""
    solve(w, qtbot)
    (row,) = w.returns_panel.rows
    was = row.back
    assert w.returns_panel.stale.isHidden()
    assert w.apply_edit(E.RecordFlareUp(athlete="A01", date=D(2026, 12, 15)))
    # until the next solve the panel shows the stored plan's returns, and says so
    stale = w.returns_panel.stale
    assert not stale.isHidden() and "stored plan's returns" in stale.text() and "F5" in stale.text()
    # counted as the status bar counts them: "breaks 3 rules" beside "breaks 2 rules 3 times"
    from ui.desktop import panels

    said = panels.broken_words(w.check_report)
    assert said.endswith(" times"), said  # more breaks than rules: the two counts differ here
    assert f"breaks {said} (Plan Check)" in stale.text()
    assert f"breaks {said} (Plan Check)" in w.statusBar().currentMessage()
    solve(w, qtbot)
    assert stale.isHidden()
    (row,) = w.returns_panel.rows
    assert row.back != was
    msg = w.statusBar().currentMessage()
    assert msg.startswith("Solved")
    assert f"Returns moved: Ben Hart back {day_long(row.back)} (was {day_long(was)})" in msg
    solve(w, qtbot)  # solved again: nothing moved, nothing said
    assert "Returns moved" not in w.statusBar().currentMessage()


def test_a_solve_with_ld1_steering_says_how_many_load_spikes_remain(w, qtbot):
    """With LD-1 given a weight, the status bar said only "Soft-rule penalty 16,599": the spike
    count was in Plan Check alone, so a coach could not tell whether the weight did anything."""
    solve(w, qtbot)
    assert "Planned load spikes" not in w.statusBar().currentMessage()  # weight 0: listed only
    was = w.check_report.counts().get("LD-1", 0)
    assert w.apply_edit(E.SetRuleValue(rule="LD-1", param="weight", value=20))
    solve(w, qtbot)
    now = w.check_report.counts().get("LD-1", 0)
    msg = w.statusBar().currentMessage()
    assert f"Planned load spikes (LD-1): {now:,}" + (f" (was {was:,})." if was != now else ".") in msg


def test_a_re_solve_names_the_days_it_changed(w, qtbot):
    """A pin to rest on a speed day, then F5: the speed day was dropped and the status bar said
    only "+1 for days changed from the previous plan"."""
    from planner.season import IntensityPin
    from planner.timeline import Timeline

    solve(w, qtbot)
    days = Timeline(w.season).days
    ap, i = next((a, i) for a in w.season.plan.athletes if a.athlete != "A01"
                 for i, v in enumerate(a.intensity) if v in (90, 95))
    level = ap.intensity[i]
    name = w.season.athlete(ap.athlete).name
    assert w.apply_edit(E.AddPin(pin=IntensityPin(athlete=ap.athlete, date=days[i], intensity=0)))
    solve(w, qtbot)
    msg = w.statusBar().currentMessage()
    said = msg.partition("Days changed: ")[2]
    assert f"{days[i]:%a} {days[i].day} {days[i]:%b} ({level} % → 0 %)" in said, msg
    assert said.startswith(name) or f"; {name} " in said, msg  # each athlete named once
    solve(w, qtbot)  # nothing changed: nothing named
    assert "Days changed" not in w.statusBar().currentMessage()


def test_a_re_solve_names_the_team_weeks_it_moved(w, qtbot):
    """A flare-up recorded for one player, then F5: the squad's deload week moved a week on and
    the status bar named no week. The team's weeks moved from the plan replaced are said."""
    from planner.progress import team_weeks_changed

    solve(w, qtbot)
    now = w.season.plan
    k = next(i for i, kind in enumerate(now.team_weeks) if kind == "deload" and i > 0
             and now.team_weeks[i - 1] == "load")
    weeks = list(now.team_weeks)
    weeks[k - 1], weeks[k] = "deload", "load"  # the plan replaced had it a week earlier
    before = now.model_copy(update={"team_weeks": tuple(weeks)})
    said = team_weeks_changed(w.season.model_copy(update={"plan": before}), w.season)
    assert said and said[0].startswith("Team: deload week moved from ")
    assert f" {said[0]}" in w._changed_text(before)
    assert "Team:" not in w._changed_text(now)


def test_days_before_today_are_not_named_as_changed_by_a_re_solve(w, qtbot):
    """After a log, the days before today take what was logged: the status bar listed them as
    "Days changed" by the re-plan, which a coach reads as the plan changed behind his back."""
    from planner.timeline import Timeline

    solve(w, qtbot)
    days = Timeline(w.season).days
    today = days[20]
    s = w.season.model_copy(update={"calendar": w.season.calendar.model_copy(update={"today": today})})
    assert w.apply_edit(E.SetSeasonSettings(today=today), after=s)
    plan = w.season.plan
    ap = plan.athletes[0]

    def with_level(i: int):  # the plan as it was before, with day i otherwise
        other = 60 if ap.intensity[i] != 60 else 70
        its = tuple(other if k == i else v for k, v in enumerate(ap.intensity))
        return plan.model_copy(update={"athletes": (ap.model_copy(update={"intensity": its}),)
                                       + tuple(plan.athletes[1:])}), other

    before, _ = with_level(5)  # a day before today
    assert w._changed_text(before) == ""
    before, other = with_level(30)  # a day after it
    name = w.season.athlete(ap.athlete).name
    assert f"{name} {days[30]:%a} {days[30].day} {days[30]:%b} ({other} % → {ap.intensity[30]} %)" in (
        w._changed_text(before))


def test_a_projected_stage_today_is_said_as_planned_beside_the_recorded_one():
    """The Returns panel read "now P2" for Kofi while the Injuries editor said "recorded stage
    P1": P1 is recorded a week before the season, P2 is the plan's from its first day."""
    from tests.exports.demo import solved_demo
    from ui.desktop.returnspanel import return_rows

    season = solved_demo()
    rows = {r.athlete: r for r in return_rows(season)}
    kofi = rows["A07"]
    assert kofi.today == "P2" and kofi.recorded == "P1"
    # the stage held and since when first, then the plan's and from when (as the CLI says it)
    since = next(i for i in season.injuries if i.athlete == "A07").stages[-1].start
    assert kofi.recorded_since == since and not kofi.recorded_flare
    assert (f"in P1 since {day_long(since)}; P2 planned from "
            f"{day_long(kofi.planned_from)}") in kofi.details(), kofi.details()
    # a flare-up since (P1 stays P1, its minimum restarted): said as what put the athlete there
    flared = since + dt.timedelta(days=2)
    assert flared < season.calendar.start
    season = season.model_copy(update={"injuries": tuple(
        i.model_copy(update={"flare_ups": (flared,)}) if i.athlete == "A07" else i
        for i in season.injuries)})
    kofi = {r.athlete: r for r in return_rows(season)}["A07"]
    assert f"in P1 again since the flare-up on {day_long(flared)}; P2 planned from" \
        in kofi.details(), kofi.details()
    same = [r for r in rows.values() if r.recorded == r.today]
    assert same and all("planned;" not in r.details() for r in same)


def test_a_congested_run_soon_after_a_return_is_said_with_it(capsys):
    """Back on a Wednesday, a player started a league match and a two-day cup weekend in four
    days, and the Returns said only "first match Sat 5 Sep as a starter"."""
    import datetime as dt

    from planner.season import Competition
    from solver import SolveRequest, solve
    from tests.exports.demo import solved_demo
    from ui.cli.commands import print_returns
    from ui.desktop.returnspanel import return_rows

    season = solved_demo()
    season = season.model_copy(update={  # the coach starts him once back
        "athletes": tuple(a.model_copy(update={"role": "start"}) if a.id == "A12" else a
                          for a in season.athletes),
        "roles": tuple(r for r in season.roles if r.athlete != "A12")})
    cup = Competition(id="T1", name="Cup weekend", date=dt.date(2026, 9, 7),
                      end_date=dt.date(2026, 9, 8), priority="C")
    season = season.model_copy(update={"competitions": tuple(sorted(
        season.competitions + (cup,), key=lambda c: c.date))})
    season = season.model_copy(update={"plan": solve(SolveRequest(season, time_limit=30)).plan})
    rows = {r.athlete: r for r in return_rows(season)}
    leo = rows["A12"]
    assert leo.back == dt.date(2026, 9, 2) and leo.first_match == dt.date(2026, 9, 5)
    said = "starts on 3 match days in 4 days from Sat 5 Sep (72 h or less apart, soon after the return)"
    assert f"; ⚠ {said}" in leo.sentence()
    assert not rows["A07"].congested  # back after it
    # Isaac Boateng, back Tue 8 Sep, starts Wed 23 and Sat 26 Sep (72 h): said soon after his return
    assert rows["A19"].congested == ("starts on 2 match days in 4 days from Wed 23 Sep (72 h or "
                                     "less apart, soon after the return)")
    print_returns(season, season.plan)
    out = capsys.readouterr().out
    assert said in next(line for line in out.splitlines() if "Leo Martin" in line)
    from planner.xlsx_export import RETURNS_SHEET, build_workbook

    ws = build_workbook(season, season.plan)[RETURNS_SHEET]  # the printed Returns say it too
    header = [c.value for c in ws[1]]
    rows = {ws.cell(row=r, column=1).value: {h: ws.cell(row=r, column=j).value
                                             for j, h in enumerate(header, start=1)}
            for r in range(2, ws.max_row + 1)}
    assert rows["Leo Martin (A12)"]["Congested soon after"] == said
    assert rows["Kofi Mensah (A07)"]["Congested soon after"] == "–"
    # once he is back (today after 2 Sep) the Returns no longer list him: the congested run
    # itself says who is only just back
    from planner.congestion import congestion

    (run,) = [c for c in congestion(season) if "A12" in c.athletes]
    assert run.returned == (("A12", dt.date(2026, 9, 2)),)
    assert run.text(season).endswith("; ⚠ Leo Martin (A12) is back to full training only since "
                                     "Wed 2 Sep")
    later = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": dt.date(2026, 9, 4)})})
    assert "A12" not in {r.athlete for r in return_rows(later)}
    (run,) = [c for c in congestion(later) if "A12" in c.athletes]
    assert run.returned == (("A12", dt.date(2026, 9, 2)),)


def test_a_target_missed_though_back_before_it_says_why(qtbot):
    """Back on Mon 8 Feb, the target the next day: "MISSED" alone left the coach to find RE-1's
    team sessions in the Inspector. The panel's words (tooltip, details) now say why."""
    season = late_return()
    season = season.model_copy(update={
        "competitions": season.competitions + (
            Competition(id="c3", name="Cup replay", date=D(2027, 2, 9), priority="B"),),
        "injuries": (season.injuries[0].model_copy(update={"target_competition": "c3"}),)})
    win = MainWindow(season, None)
    qtbot.addWidget(win)
    win.board.today_override = D(2026, 12, 14)
    win.solve_time_limit = 30.0
    solve(win, qtbot)
    (row,) = win.returns_panel.rows
    assert row.back == D(2027, 2, 8) and row.missed
    assert row.missed_why == "1 of the 3 team sessions RE-1 asks before a first match done by then"
    assert f"Target Cup replay (Tue 9 Feb 2027): MISSED ({row.missed_why})." in row.sentence()
    assert win.returns_panel.row_texts()[0][3] == "✖ MISSED: Cup replay"


def _in_panel(panel, widget):
    """``widget``'s rectangle in the panel's coordinates."""
    from PySide6.QtCore import QRect

    return QRect(widget.mapTo(panel, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_the_returns_table_never_covers_the_words_under_it(qtbot, size):
    """Four injured athletes at 1280 x 720 with the Log panel open under the board: the table
    kept the height of its rows while the dock had less room, and its last row and scroll bar
    were drawn over the first athlete's words."""
    from PySide6.QtWidgets import QApplication

    from tests.exports.demo import solved_demo

    w = MainWindow(solved_demo(), None, autosave=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.show_dock("returns")
    panel = w.returns_panel
    t = panel.table
    # the demo's three returns and two more (a new injury, as the physio's Jonas Lind)
    rows = panel.rows + [dataclasses.replace(r, athlete=f"B{k}", name=f"Jonas Lind {k}")
                         for k, r in enumerate(panel.rows[:2])]
    panel.set_rows(rows)
    assert len({r.athlete for r in panel.rows}) >= 4
    for log_open in (True, False):
        w.docks["log"].setVisible(log_open)  # open: as after a Move Today, the docks lose height
        for _ in range(3):
            QApplication.processEvents()
        table, words = _in_panel(panel, t), _in_panel(panel, panel.details)
        assert not table.intersects(words), (log_open, table, words)
        assert table.bottom() < words.top() and panel.details.isVisibleTo(panel)
        # the first row stays in sight, the rows the table has no room for scroll
        assert t.viewport().height() >= t.rowHeight(0)
        rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
        assert rows <= t.viewport().height() or t.verticalScrollBar().maximum() > 0


def test_a_next_step_that_is_the_return_itself_is_said_once():
    """Leo in S3 read "next: full training Fri 4 Sep; back to full training Fri 4 Sep"."""
    from ui.desktop.returnspanel import ReturnRow

    row = ReturnRow(athlete="A01", name="Leo Martin", injury="Persistent iliopsoas tendinopathy",
                    onset=D(2026, 7, 20), today="S3", next="full training Fri 4 Sep",
                    back=D(2026, 9, 4), first_match=D(2026, 9, 12), target=None, target_date=None,
                    target_met=None, provisional=False, planned=True)
    words = row.details()
    assert words.startswith("Leo Martin, Persistent iliopsoas tendinopathy: now S3; back to full "
                            "training Fri 4 Sep 2026; first match"), words
    assert words.count("4 Sep") == 1
    # a next step before the return is still said
    earlier = dataclasses.replace(row, today="S2", next="S3 Fri 28 Aug")
    assert "now S2; next: S3 Fri 28 Aug; back to full training Fri 4 Sep 2026" in earlier.details()
    # after two flare-ups in a week the panel read as if nothing had happened
    flared = dataclasses.replace(earlier, flare_ups=(D(2026, 8, 10), D(2026, 8, 16)),
                                 second_flare="two stages back, to S1")
    assert ("next: S3 Fri 28 Aug; 2 flare-ups, the last Sun 16 Aug 2026 (the second within 7 "
            "days: two stages back, to S1); back to full training") in flared.details()
    once = dataclasses.replace(earlier, flare_ups=(D(2026, 8, 1), D(2026, 8, 16)))
    assert "2 flare-ups, the last Sun 16 Aug 2026; back" in once.details()


def test_the_panel_says_a_second_flare_up_in_the_first_stage_keeps_the_athlete_there():
    """The panel repeated "the second within 7 days: two stages back" for an athlete in P1 since
    the first flare-up: it says what the records did, as the recorded flare-up says it."""
    from tests.builders import day, injury, season
    from ui.desktop.returnspanel import _second_flare

    rec = injury("A1", "P2", start_day=2, history=(("P1", -10),), flare_days=(8, 12))
    s = season(weeks=4, athletes=1, today=day(20), injuries=(rec,))
    assert _second_flare(s, "A1", rec.onset, day(20)) == (
        f"stays in P1; P1's minimum restarts from {day_long(day(12))}")
    assert _second_flare(s, "A1", rec.onset, day(10)) == ""  # the first alone, up to that day


def test_an_injury_still_to_come_is_not_said_as_full_competition_now():
    """A striker's hamstring strain on Saturday's match, adopted from a what-if on Thursday:
    the panel read "Acute hamstring strain: now full competition; next: P1 Sat ..."."""
    from planner.season import Injury as Inj
    from solver import SolveRequest, solve
    from tests.builders import day, season
    from ui.desktop.returnspanel import return_rows

    s = season(weeks=10, athletes=3, matches=[5, 12, 19, 26, 33, 40, 47, 54, 61], injuries=(Inj(
        athlete="A2", protocol="hamstring-strain", onset=day(12),
        stages=(StageRecord(stage="P1", start=day(12)),)),))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(3)})})
    out = solve(SolveRequest(s, time_limit=20))
    assert out.plan is not None
    (row,) = return_rows(s.model_copy(update={"plan": out.plan}))
    words = row.details()
    assert "full competition" not in words, words
    assert words.startswith(f"Athlete 2, Acute hamstring strain: fit until the injury on "
                            f"{day_long(day(12))} (P1); back to full training "), words



def test_a_first_match_off_the_bench_is_said_with_the_first_start(qtbot):
    """A regular back from rehab comes off the bench while a squad player stands in: the panel
    read "first match Sat 10 Oct 2026", a start to the coach who reads it."""
    from ui.desktop.returnspanel import ReturnRow, ReturnsPanel

    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    row = ReturnRow(athlete="A07", name="Kofi Mensah", injury="Iliopsoas", onset=D(2026, 7, 24),
                    today="FIT", next="—", back=D(2026, 10, 5), first_match=D(2026, 10, 10),
                    target="Derby (home)", target_date=D(2026, 10, 17), target_met=True,
                    provisional=False, planned=True, first_role="bench",
                    first_start=D(2026, 10, 17))
    panel.set_rows([row])
    assert ("first match Sat 10 Oct 2026 off the bench (first start Sat 17 Oct 2026)"
            in row.sentence())
    assert panel.row_texts()[0][2].endswith("\noff the bench")



def flare_up_ahead():
    """Athlete 2 is back to full training since day 2 after a hamstring strain; his flare-up on
    day 17 (a what-if adopted) lies after today, day 10."""
    from planner.season import Injury as Inj
    from tests.builders import day, season

    s = season(weeks=8, athletes=3, matches=[5, 12, 19, 26, 33, 40, 47, 54], injuries=(Inj(
        athlete="A2", protocol="hamstring-strain", onset=day(-30),
        stages=(StageRecord(stage="S3", start=day(-12)), StageRecord(stage="FIT", start=day(2))),
        flare_ups=(day(17),)),))
    return s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(10)})})


def test_a_fit_athlete_with_a_flare_up_ahead_is_listed_with_his_back_date(qtbot):
    """A what-if's flare-up on Wednesday adopted on Monday: the board and the Roles grid showed
    the striker in rehab for two weeks, the Returns panel "No injured athlete: everyone is fit"."""
    from planner.returns import return_text, returns
    from solver import SolveRequest, solve
    from tests.builders import day

    s = flare_up_ahead()
    out = solve(SolveRequest(s, time_limit=20))
    assert out.plan is not None
    s = s.model_copy(update={"plan": out.plan})
    ap = out.plan.for_athlete("A2")
    first = (s.calendar.start - day(0)).days  # day indexes of the plan: from the season start
    assert ap.stages[10 - first] == "FIT" and ap.stages[17 - first] != "FIT"
    back = next(day(i) for i in range(17, 56) if ap.stages[i - first] == "FIT")
    (r,) = returns(s, s.plan)
    assert (r.athlete, r.fit, r.setback, r.counted) == ("A2", back, day(17), False)
    assert "until the flare-up on " + day_long(day(17)) in return_text(s, r)

    win = MainWindow(s, None, autosave=False)
    qtbot.addWidget(win)
    panel = win.returns_panel
    (row,) = panel.rows
    assert row.athlete == "A2" and row.back == back and row.planned
    assert panel.summary.text() != "No injured athlete: everyone is fit."
    cells = panel.row_texts()[0]
    assert cells[0] == "Athlete 2" and cells[1].split("\n")[0] == day_long(back).rsplit(" ", 1)[0]
    assert cells[6].startswith(f"{ap.stages[17 - first]} ")  # next: the flare-up's stage
    words = row.details()
    assert words.startswith(f"Athlete 2, Acute hamstring strain: fit until the flare-up on "
                            f"{day_long(day(17))} ({ap.stages[17 - first]}); back to full "
                            f"training {day_long(back)}"), words


def test_a_match_logged_while_the_records_hold_rehab_is_said_beside_the_missed_target():
    """The log has the returner playing 20 minutes of his target match while the records still
    hold him in S3 (the stage change waited on a test and was not ticked): the Returns row said
    "MISSED" and nothing of the match; it now says he played it, as logged, in S3 by the records,
    and how to record it."""
    from planner.season import Session
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season
    from ui.desktop.returnspanel import ReturnsPanel, return_rows

    s = season(weeks=6, athletes=3, today=day(14),
               injuries=(injury("A1", "S3", start_day=-4, target="m1"),))
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(12), minutes=20, rpe=7,
                                                  minutes_played=20),)})
    assert s.competition("m1").date == day(12)
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    (row,) = [r for r in return_rows(s) if r.athlete == "A1"]
    assert not row.missed and row.target_met
    assert ("Target Match 2 (Sat 16 Jan 2027): played (20 min logged) though the records have them "
            "in S3 that day") in row.sentence()
    assert row.played_in_rehab == f"{day_long(day(12))} ('Match 2') while in S3"
    assert (f"⚠ Logged playing on {day_long(day(12))} ('Match 2') while in S3 by the injury's "
            "records: if the athlete was back, record the stage changes") in row.sentence()
    assert ReturnsPanel._cells(row)[3][0] == "✔ played: Match 2\n⚠ in rehab by the records"


def test_the_returns_panel_names_the_matches_a_returner_starts_on_a_day_of_several():
    """Benched for the first of two matches on his first match day back, as the advice said, he
    still starts the second: the panel repeated the advice naming no match."""
    from tests.planner.test_several_matches import returner
    from ui.desktop.returnspanel import return_rows

    cap = "(to cap the minutes of the first match back, set bench for"
    row = next(r for r in return_rows(returner()) if r.athlete == "A3")
    assert (f"first match Wed 13 Jan 2027 as a starter in 'Cup round 2' and 'Cup round 2b' {cap} "
            "them in the Roles panel)") in row.sentence()
    # the role set since the solve is what the panel reads
    row = next(r for r in return_rows(returner((("c2", "bench"),))) if r.athlete == "A3")
    assert (f"first match Wed 13 Jan 2027 as a starter in 'Cup round 2b' {cap} it in the Roles "
            "panel)") in row.sentence()


def test_a_flare_up_dated_on_a_match_he_played_gets_one_advice_and_says_why_the_day_counts_lower():
    """A returner's flare-up recorded on the day of a match he played in full: the Returns
    panel's ⚠ said "record the stage changes" where the CLI said to date the flare-up the day
    after the match (right when it came after the match): both now give the CLI's advice. The
    inspector read "planned 100 %, logged 95 %" under a logged top speed of 100 % with no word
    of why: it says the match played in S3 counts a level lower, as explain and the handout do
    (it ended "(docs/semantics.md)", a folder a coach has not got)."""
    from planner.progress import played_in_rehab
    from tests.builders import day, flared_on_a_match_played
    from ui.desktop.pastview import otherwise_text
    from ui.desktop.returnspanel import return_rows

    s = flared_on_a_match_played()  # the flare-up on a match he played, solved and checked
    advice = (f"if the flare-up came after it, its date is the day after their last match, "
              f"{day_long(day(6))} (")
    (p,) = played_in_rehab(s)
    assert advice in p.text(s) and f"--flare-up A2 {day(6).isoformat()}" in p.text(s)
    (row,) = [r for r in return_rows(s) if r.athlete == "A2"]
    said = row.sentence()
    assert f"⚠ Logged playing on {day_long(day(5))} ('Match 1') while in S3" in said
    assert advice + "Season ▸ Injuries: remove the flare-up and record it on that day)" in said
    assert "record the stage changes" not in said
    # the sentence explain and the handout say, with no pointer to a folder a coach has not got
    assert otherwise_text(s, "A2", day(5)) == (
        "planned 100 %, logged 100 %, counted 95 %: a match played while the records put the athlete in "
        "S3 counts a level lower")


def test_a_past_target_the_log_has_him_playing_in_rehab_reads_played_everywhere():
    """A flare-up recorded after the fact (day 8) puts the target of day 12, logged as played 90
    minutes, in S3 by the records: explain --return said "missed (not played)", the handout's
    Next line "not reached", while its Matches row said "played 90 min (logged)". The target is
    played, as the log has it, with the records' stage and the question to the physio, in the
    return line, explain --return, the handout and the Returns panel alike."""
    from planner import edits as E
    from planner.handout import Handouts, handout_weeks
    from planner.returns import return_text, returns
    from planner.season import Session
    from planner.timeline import Timeline
    from solver.queries import return_report
    from tests.builders import day, injury, season, solved_and_checked
    from ui.desktop.returnspanel import ReturnsPanel, return_rows

    back = injury("A2", "FIT", start_day=-5, history=(("S3", -12),), target="m1")
    s = season(weeks=4, athletes=2, today=day(14), injuries=(back,))
    assert s.competition("m1").date == day(12)
    s = s.model_copy(update={"sessions": (Session(
        athlete="A2", date=day(12), minutes=95, rpe=8, top_speed_pct=100, minutes_played=90),)})
    s = E.RecordFlareUp(athlete="A2", date=day(8)).apply(s)
    out, _ = solved_and_checked(s, time_limit=20)
    s = s.model_copy(update={"plan": out.plan})
    assert out.plan.for_athlete("A2").stages[12] == "S3"  # the records' stage, kept by the plan

    said = ("played (90 min logged) though the records have them in S3 that day: worth a word "
            "with the physio")
    (r,) = [x for x in returns(s, s.plan, history=True) if x.athlete == "A2"]
    assert r.target_met and not r.target_missed and not r.target_before_setback
    assert r.target_played_words() == said
    assert r.target_played_words(to_player=True) == "played (90 min logged)"
    assert f"target 'Match 2' (Sat 16 Jan 2027) {said}" in return_text(s, r)
    assert f"is in the past: {said}." in return_report(s, "A2").text(s)
    tl = Timeline(s)
    (week,) = Handouts(s, s.plan).weeks("A2", [tl.week_of[tl.index(day(12))]])  # the staff's
    assert f"target Match 2 (Sat 16 Jan): {said}" in week.milestone, week.milestone
    # the player's handout: what he did, not a remark about him to the physio
    mine = next(w for w in handout_weeks(s, s.plan, ["A2"]) if w.first <= day(12) <= w.last)
    assert "target Match 2 (Sat 16 Jan): played (90 min logged)" in mine.milestone
    assert "worth a word" not in mine.milestone and "the records have them" not in mine.milestone
    (row,) = [x for x in return_rows(s) if x.athlete == "A2"]
    assert not row.missed and f"Target Match 2 (Sat 16 Jan 2027): {said}" in row.sentence()
    assert "before the setback" not in row.sentence()
    assert ReturnsPanel._cells(row)[3] == ("✔ played: Match 2\n⚠ in rehab by the records", "", True)


def test_a_player_who_left_in_rehab_reads_left_not_a_missed_target(demo_season, qtbot):
    """Kofi left the squad in P2: the panel read "not this season", "✖ MISSED Derby (home)",
    "next: still P2 at the season's end", a red "!" and "Returns ⚠". After he left his return is
    no longer this squad's."""
    from solver import SolveRequest, solve
    from ui.desktop.returnspanel import ReturnsPanel, return_rows

    s = E.LeaveSquad(athlete="A07", leaves=D(2026, 8, 10)).apply(demo_season)
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=20)).plan})
    [row] = [r for r in return_rows(s) if r.athlete == "A07"]
    assert row.left_day == D(2026, 8, 10) and not row.missed and row.target is None
    words = row.details()
    assert "left the squad on Mon 10 Aug 2026 in P" in words, words
    assert "MISSED" not in words and "next:" not in words and "season's end" not in words
    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    panel.set_rows([row])
    assert panel.row_texts()[0][1].startswith("left Mon 10 Aug"), panel.row_texts()[0]


def test_a_return_on_no_training_day_reads_the_first_team_session_in_the_panel(qtbot):
    """A team training on Tuesdays and Thursdays read "back to full training Fri 19 Feb 2027"
    and "Wed 17 Feb 2027". The panel names the first session he can join, the FIT day beside
    it, in the words and in the Back column; the row's return date stays the FIT day."""
    from tests.builders import day
    from tests.planner.test_returns import make, plan
    from ui.desktop.returnspanel import ReturnsPanel, return_rows

    s = make()
    s = s.model_copy(update={"plan": plan(), "calendar": s.calendar.model_copy(
        update={"training_days": ("tue", "thu")})})
    (row,) = return_rows(s)
    assert (row.back, row.session) == (day(4), day(8))
    assert "back to full training Tue 12 Jan 2027 (fit from Fri 8 Jan; provisional" in row.sentence()
    assert row.details().count("Fri 8 Jan") == 1  # the next step, the return itself, said once
    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    panel.set_rows([row])
    assert panel.table.item(0, 1).text() == "Tue 12 Jan\nfit Fri 8 Jan\nprovisional"


def test_a_re_injury_is_said_as_one_in_the_returns_panel(qtbot):
    """Back to full training in pre-season, the same injury again in week 2: `periodize solve`
    said "the same injury again, 20 days after the return of ..." and the Returns panel's words
    (68.png) did not."""
    from tests.builders import injury, season, solved_and_checked
    from ui.desktop.editors import InjuriesEditor
    from ui.desktop.returnspanel import return_rows

    before = injury("A1", "FIT", start_day=-12, history=(("S3", -25),))
    again = injury("A1", "P1", start_day=9, onset_day=8)
    s = season(weeks=8, athletes=2, injuries=(before, again))
    out, _ = solved_and_checked(s)
    (row,) = return_rows(s.model_copy(update={"plan": out.plan}))
    words = "the same injury again, 20 days after the return of "
    assert row.again.startswith(words)
    assert row.sentence().startswith(f"{row.name}, {row.injury} ({words}")
    assert row.details().startswith(f"{row.name}, {row.injury} ({words}")
    assert row.details().count(words) == 1
    ed = InjuriesEditor()  # its Plan line dropped the athlete and injury, and the words with them
    qtbot.addWidget(ed)
    ed.set_season(s)
    ed.set_returns([row])
    assert ed.select("A1")
    assert ed.back.text().startswith("<i>Plan:</i> The same injury again, 20 days after the return of ")


def test_a_first_injury_has_no_re_injury_words_in_the_returns_panel():
    from tests.builders import injury, season, solved_and_checked
    from ui.desktop.returnspanel import return_rows

    s = season(weeks=8, athletes=2, injuries=(injury("A1", "P1", start_day=9, onset_day=8),))
    out, _ = solved_and_checked(s)
    (row,) = return_rows(s.model_copy(update={"plan": out.plan}))
    assert row.again == "" and "again" not in row.details()


def test_the_match_he_got_injured_in_is_not_played_in_rehab():
    """Injured in 'Match 1' (the onset, P1 from that day) and logged playing it, then 'Match 2'
    a week later while P1 by the records: the onset's match is where the injury happened, so
    only 'Match 2' is played in rehab (the Returns panel, the Log's ▲, the CLI's log)."""
    from planner.progress import played_in_rehab
    from planner.season import Session
    from solver import SolveRequest, solve
    from tests.builders import day, season
    from ui.desktop.pastview import played_in_rehab as marked
    from ui.desktop.returnspanel import return_rows

    hurt = Injury(athlete="A1", protocol="hamstring-strain", onset=day(5),
                  stages=(StageRecord(stage="P1", start=day(5)),))
    s = season(weeks=6, athletes=2, today=day(14), injuries=(hurt,))
    played = tuple(Session(athlete="A1", date=day(d), minutes=m, rpe=7, minutes_played=m)
                   for d, m in ((5, 60), (12, 20)))
    s = s.model_copy(update={"sessions": played})
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    assert [(p.athlete, p.days) for p in played_in_rehab(s)] == [("A1", (day(12),))]
    assert set(marked(s)) == {("A1", day(12))}
    (row,) = [r for r in return_rows(s) if r.athlete == "A1"]
    assert row.played_in_rehab == f"{day_long(day(12))} ('Match 2') while in P1"
    assert day_long(day(5)) not in row.sentence()
    # the onset's match alone: nothing said
    s = s.model_copy(update={"sessions": played[:1]})
    assert played_in_rehab(s) == [] and marked(s) == {}
    (row,) = [r for r in return_rows(s) if r.athlete == "A1"]
    assert row.played_in_rehab == "" and "Logged playing" not in row.sentence()


@pytest.mark.parametrize("today", [D(2026, 3, 9), None])
def test_an_injury_recorded_on_a_plan_names_what_the_status_bar_names(qtbot, today):
    """After Record injury the Injuries panel said "not planned yet: solve (Plan ▸ Solve, F5)"
    while the status bar said "re-plan from today (Ctrl+R)". In a season under way both name
    Re-plan from Today (Ctrl+R); before it starts (no today), both name Solve (F5)."""
    from tests.builders import tiny_season
    from tests.ui.test_app import hand_plan
    from ui.desktop.solving import plan_again_words

    s = tiny_season().model_copy(update={"injuries": ()})  # no other return in the plan
    s = s.model_copy(update={"plan": hand_plan(s), "calendar": s.calendar.model_copy(
        update={"today": today})})
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    onset = today or s.calendar.start
    win.apply_edit(E.SetInjury(injury=Injury(athlete="A1", protocol="hamstring-strain", onset=onset,
                                             stages=(StageRecord(stage="P1", start=onset),))))
    way = "re-plan from today (Ctrl+R)" if today else "solve again (F5)"
    assert plan_again_words(win.season) == way
    assert win.statusBar().currentMessage().endswith(f": {way}.")
    assert win.injuries_editor.select("A1")
    assert win.injuries_editor.back.text() == (
        f"<i>Plan:</i> Acute hamstring strain, now in P1; not planned yet: {way} to see when Ana "
        f"is back.")
    (row,) = win.returns_panel.rows
    assert not row.planned and row.next == way
    assert win.returns_panel.summary.text() == (
        f"1 injured athlete: not planned yet. {way[0].upper()}{way[1:]} to see who is back when.")


def test_an_injury_recorded_since_the_plan_is_listed_beside_the_planned_returns():
    """A season whose plan holds other players' returns: an injury recorded since (not yet
    re-planned) got no row at all, in the Returns panel or the Injuries panel's plan line; it is
    listed, not planned yet, with what to do, and the planned returns stay as they were."""
    from tests.exports.demo import solved_demo
    from ui.desktop.returnspanel import return_rows
    from ui.desktop.solving import plan_again_words

    season = solved_demo()
    before = return_rows(season)
    assert before and all(r.planned for r in before)
    fit = next(a.id for a in season.athletes if not season.injuries_of(a.id))
    onset = season.calendar.start + dt.timedelta(days=30)
    hurt = season.model_copy(update={"injuries": (*season.injuries, Injury(
        athlete=fit, protocol="hamstring-strain", onset=onset,
        stages=(StageRecord(stage="P1", start=onset),)))})
    rows = return_rows(hurt, today=onset + dt.timedelta(days=1))
    (new,) = [r for r in rows if r.athlete == fit]
    assert not new.planned and new.next == plan_again_words(hurt) and new.onset == onset
    assert {r.athlete for r in rows if r.planned} == {r.athlete for r in before}
    # hurt again after a planned return: the new record is listed too, not hidden by the
    # earlier record's row
    back = before[0]
    again_on = back.back + dt.timedelta(days=10)
    hurt = season.model_copy(update={"injuries": (*season.injuries, Injury(
        athlete=back.athlete, protocol="hamstring-strain", onset=again_on,
        stages=(StageRecord(stage="P1", start=again_on),)))})
    rows = return_rows(hurt, today=again_on + dt.timedelta(days=1))
    assert [(r.onset, r.planned) for r in rows if r.athlete == back.athlete] == [
        (back.onset, True), (again_on, False)]


def test_before_the_first_plan_the_summary_says_solve_not_solve_again(qtbot):
    """With no plan yet the summary names Solve (F5), as each row's Next does, never "solve
    again": there is nothing to solve again."""
    from tests.builders import tiny_season

    s = tiny_season().model_copy(update={"plan": None})
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    rows = win.returns_panel.rows
    assert rows and not any(r.planned for r in rows)
    assert {r.next for r in rows} == {"solve (F5)"}
    assert win.returns_panel.summary.text().endswith(
        ": not planned yet. Solve (F5) to see who is back when.")


def test_the_injuries_editor_line_names_the_flare_up_and_where_to_record_it():
    """The editor's top line read "The same injury again, 7 days after the return of …" alone
    (ui.desktop.returnspanel's row, which the Injuries editor shows)."""
    from tests.builders import day
    from tests.planner.test_flare_instead import again
    from ui.desktop.returnspanel import return_rows

    (row,) = [r for r in return_rows(again(7)) if r.onset == day(7)]
    assert row.sentence().endswith(
        f"If this is the old injury flaring up, not a new one: a flare-up recorded on "
        f"{day_long(day(7))} instead takes them back to S3 sport-specific drills, not P1 (Season "
        f"▸ Injuries: Remove injury, then Record flare-up on that day)."), row.sentence()


def test_a_re_injury_soon_after_the_return_reads_the_return_first_then_the_flare_up(qtbot):
    """Mateo's hamstring again 22 days after his return: the Inspector's Return read "Remove
    injury, then Record flare-up on that day): back to full training …" (the row's words cut at
    the first ": ", inside the flare-up's "Season ▸ Injuries: …"), and the Injuries editor said
    "Remove injury, then Record flare-up on that day" twice. Each says the return first and the
    flare-up it may be instead once, after it, in a sentence of its own."""
    from tests.builders import day, season, solved_and_checked
    from tests.planner.test_flare_instead import BACK, again
    from ui.desktop.editors import InjuriesEditor
    from ui.desktop.returnspanel import return_rows

    s = again(7)  # long enough for the return
    s = season(weeks=20, athletes=1, injuries=s.injuries, today=s.calendar.today)
    assert BACK in s.injuries
    out, _ = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    (row,) = [r for r in return_rows(s) if r.onset == day(7)]
    instead = "If this is the old injury flaring up, not a new one: a flare-up recorded on "
    assert row.planned and row.again.startswith("the same injury again, 7 days after the return")
    assert "flare-up" not in row.again and "flare-up" not in row.head()
    body = row.body()
    assert body.startswith("back to full training "), body
    assert body.count("Remove injury") == 1 and body.count(instead) == 1, body
    assert body.index("back to full training") < body.index(instead)
    assert body.count("(") == body.count(")"), body
    for words in (row.sentence(), row.details()):
        assert words.count(instead) == 1 and words.endswith("on that day)."), words
    # the Inspector's Return row: the row's words after the athlete and the injury
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    win.board.set_current(row.athlete, day(8))
    html = win.inspector.cell_html()
    ret = html[html.index("<i>Return</i>"):]
    ret = ret[:ret.index("</tr>")]
    assert "</td><td>back to full training " in ret, ret
    assert ret.count("Remove injury") == 1, ret
    ed = InjuriesEditor()
    qtbot.addWidget(ed)
    ed.set_season(s)
    ed.set_returns([row])
    assert ed.select(row.athlete)
    ed.record.setCurrentIndex(ed._record_index(day(7)))
    text = ed.back.text()
    assert text.startswith("<i>Plan:</i> The same injury again, 7 days after the return of "
                           ), text
    assert ": back to full training " in text and text.count("Remove injury") == 1, text
    assert text.count(instead) == 1, text


def test_the_returns_row_says_a_failed_test_as_failed_with_its_retest():
    """The Returns panel's row (its tooltip, the board's name column, the Inspector) said a
    failed hip-flexor test as "not passed yet", the words of a test never taken; it says the
    result failed, its day and the retest."""
    from planner.text import day_long
    from tests.builders import day
    from tests.planner.test_returns import make, plan
    from ui.desktop.returnspanel import return_rows

    s = make(tests=((-2, "Hip-flexor strength LSI", 84),), values={"RH-CRIT": {"retest_days": 3}})
    [row] = return_rows(s.model_copy(update={"plan": plan()}))
    assert (f"(provisional: S3's Hip-flexor strength LSI (≥ 90 %) failed 84 % on "
            f"{day_long(day(-2))}, retest from {day_long(day(1))}; S3's Pain during max sprint "
            f"(≤ 2/10) not passed yet)") in row.sentence(), row.sentence()


def test_the_panel_keeps_a_return_recorded_without_a_passing_test_back_lately(qtbot):
    """A return recorded without a passing test (Move Today's "→ full training ⚠ waits on a
    test", advance --accept) leaves what RTS counts once back before today: the panel read "No
    injured athlete: everyone is fit." Up to RECENT_RETURN_DAYS after it, the return stays in
    the panel, untested, naming the tests in the words of the workbook's Returns sheet."""
    from planner.progress import RECENT_RETURN_DAYS
    from tests.builders import day
    from tests.planner.test_returns import recorded, untested_back

    s = untested_back()  # A1 back Fri 8 Jan (day 4) over a failed hip-flexor test; today day 6
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    panel = w.returns_panel
    assert w.return_rows == []  # nothing left of the return for RTS, the board or the inspector
    (row,) = panel.rows
    assert row.athlete == "A1" and row.back == day(4) and row.untested
    cells = panel.row_texts()[0]
    assert cells[1] == "Fri 8 Jan\nuntested" and cells[4] == "untested"
    assert "everyone is fit" not in panel.summary.text()
    assert panel.summary.text() == ("No injured athlete. 1 return recorded without a passing "
                                    "test: Athlete 1 (back Fri 8 Jan).")
    assert ("back to full training Fri 8 Jan 2027 (recorded without a passing test: S3's "
            "Hip-flexor strength LSI (≥ 90 %))") in panel.details.text().replace("&#x27;", "'")
    assert day(4 + RECENT_RETURN_DAYS) > w.season.calendar.end  # the window: planner tests
    # the same return over passing tests: history, everyone is fit
    passed = recorded(tests=((-2, "Hip-flexor strength LSI", 95), (-2, "Pain during max sprint", 1)))
    w2 = MainWindow(passed.model_copy(update={"plan": s.plan}), None)
    qtbot.addWidget(w2)
    assert w2.returns_panel.rows == [] and "everyone is fit" in w2.returns_panel.summary.text()


def test_the_next_stage_and_its_day_stay_on_one_line_in_a_narrow_dock(qtbot):
    """The demo's Returns words wrapped "now P2; next: P3" / "Sat 8 Aug; back to …" at 1280 x
    720, and a coach read Isaac's next stage as given without a date (Leo's and Kofi's did not
    wrap there). The next stage and its day are kept together, whatever the dock's width."""
    from ui.desktop.returnspanel import ReturnRow, ReturnsPanel

    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 300)
    panel.show()
    panel.set_rows([ReturnRow(
        athlete="A19", name="Isaac Boateng", injury="Acute hamstring strain", onset=D(2026, 7, 28),
        today="P2", next="P3 Sat 8 Aug", back=D(2026, 9, 8), first_match=D(2026, 9, 12),
        target=None, target_date=None, target_met=None, provisional=True, planned=True)])
    words = panel.details.text()
    assert "now P2; next:\u00a0P3\u00a0Sat\u00a08\u00a0Aug; back to full training" in words, words
