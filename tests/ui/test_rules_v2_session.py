"""A coach's session with rules v2, in the app alone, with the real solver: record a flare-up
from the board and see the next two days emptied of speed work; record a failing criterion and
see the stage held and the return move; set a player out for a match and see his compensation
session. Each change is one undo step (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from planner import edits as E
from planner.why import why_day
from tests.builders import day, injury, season
from ui.desktop import roles
from ui.desktop.boardmenu import cell_menu, find_action
from ui.desktop.mainwindow import MainWindow


def v2_season():
    """Five weeks with Saturday and some Wednesday matches, today on day 7; A1 in P3, A2 in S3
    (a few days from full training)."""
    return season(weeks=5, athletes=4, matches=[5, 9, 12, 16, 19, 23, 26], today=day(7),
                  injuries=(injury("A1", stage="P3", start_day=-20, history=(("P2", -45),)),
                            injury("A2", stage="S3", start_day=2, history=(("S2", -8),))))


@pytest.fixture
def w(qtbot):
    win = MainWindow(v2_season(), None, autosave=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.solve_time_limit = 20.0
    return win


def solve(w, qtbot):
    with qtbot.waitSignal(w.solve_finished, timeout=60_000) as blocker:
        w.solve_action.trigger()
    outcome = blocker.args[0]
    assert outcome.plan is not None and w.season.plan == outcome.plan
    return outcome


def returns_of(w, athlete):
    return [r for r in w.returns_panel.rows if r.athlete == athlete]


def test_a_v2_session_flare_up_criterion_and_a_player_out(w, qtbot, dialogs):
    solve(w, qtbot)
    steps = w.undo_stack.index()

    # 1. Today is day 8, and A1 flares up: from the board's menu, no running that day, at most
    #    60 % on the two calm days, and the board and the inspector say so.
    w.apply_edit(E.SetSeasonSettings(today=day(8)), after=w.season.model_copy(update={
        "calendar": w.season.calendar.model_copy(update={"today": day(8)})}))
    steps = w.undo_stack.index()
    menu = cell_menu(w.season, "A1", day(8), w.apply_edit, w)
    find_action(menu, "Record flare-up on this day").trigger()
    assert w.undo_stack.index() == steps + 1
    solve(w, qtbot)
    a1 = w.season.plan.for_athlete("A1").intensity
    assert a1[8] == 0 and max(a1[9], a1[10]) <= 60
    # day 9 is a match day: held at 60 % but no calm day (RH-FL counts the days trained)
    assert set(w.board.marks_of("A1").calm) == {10, 11} and 8 in w.board.marks_of("A1").flare
    texts = [r.text for r in why_day(w.season, w.season.plan, "A1", day(9)).reasons]
    assert any(t.startswith("At most 60 %: flare-up yesterday (RH-FL, 2 calm days); no calm day "
                            "itself") for t in texts), texts
    assert not any(t.startswith("No running: flare-up yesterday") for t in texts)
    w.select_cell("A1", day(9))
    assert "Calm day" in w.inspector.toPlainText()

    # 2. A failing criterion of S3 for A2 in the Injuries editor: the gate is shown, the stage is
    #    held until the retest and the return moves.
    back_before = returns_of(w, "A2")[0].back
    ed = w.injuries_editor
    w.show_dock("injuries")
    assert ed.select("A2")
    ed.test_name.setCurrentIndex(ed.test_name.findText("Pain during max sprint"))
    ed.test_value.setValue(4)
    ed.test_date.setDate(QDate(day(7).year, day(7).month, day(7).day))
    ed.test_button.click()
    assert "(pass mark ≤ 2/10): S3 held until retest on" in ed.gate.text()
    solve(w, qtbot)
    back_after = returns_of(w, "A2")[0].back
    assert back_after > back_before and back_after >= day(14)
    assert all(st == "S3" for st in w.season.plan.for_athlete("A2").stages[7:14])

    # 3. A3 out for Wednesday's match in the Roles panel; his compensation session the day after
    #    (the coach pins it from the board's menu): HV-6 allows it for a player who did not play,
    #    the board marks it and the inspector explains it.
    roles.show(w)
    panel, model = w.roles_panel, w.roles_panel.model
    r = [a.id for a in model.athletes].index("A3")
    panel.view.setCurrentIndex(model.index(r, 1 + [c.id for c in model.comps].index("m3")))
    qtbot.keyClick(panel.view, Qt.Key.Key_O)
    assert w.season.role_of("A3", "m3") == "out"
    menu = cell_menu(w.season, "A3", day(17), w.apply_edit, w)
    find_action(menu, "95 %").trigger()
    solve(w, qtbot)
    assert w.season.plan.for_athlete("A3").intensity[17] == 95
    marks = w.board.marks_of("A3")
    assert marks.role[16] == "out" and 17 in marks.compensation
    assert not w.board.violations_at("A3", day(17))
    texts = [r.text for r in why_day(w.season, w.season.plan, "A3", day(17)).reasons]
    assert ("Out of the squad on Wednesday ('Match 4'): compensation session (HV-6 allows MD+1 "
            "for non-players).") in texts
    w.select_cell("A3", day(17))
    assert "compensation session" in w.inspector.toPlainText()
    assert "Compensation session [C]" in w.board._cell_tooltip(w.board._row_of["A3"], 17)
    assert not [d for d in dialogs if d[0] in ("error", "warn")]


def test_the_same_session_for_a_player_who_plays_is_refused_by_hv6(w, qtbot):
    """Without the role 'out' the Thursday after his match is no place for a speed session
    (HV-6, and HV-5 next to the match)."""
    menu = cell_menu(w.season, "A3", day(17), w.apply_edit, w)
    find_action(menu, "95 %").trigger()
    outcome = solve_any(w, qtbot)
    assert outcome.plan is None and {"HV-5", "HV-6"} & {c.rule for c in outcome.explanation}


def solve_any(w, qtbot):
    with qtbot.waitSignal(w.solve_finished, timeout=60_000) as blocker:
        w.solve_action.trigger()
    return blocker.args[0]


def test_the_inspector_says_the_days_session_a_day_between_included(w, qtbot):
    """The board's marks say the level, not what the player does: a day between two
    tendon-loading days looked like any 70 % rehab day. The Inspector now says the day's session
    as the handouts print it."""
    from planner.sessions import Prescriber
    from planner.timeline import Timeline

    solve(w, qtbot)
    tl = Timeline(w.season)
    p = Prescriber(w.season, w.season.plan)
    days = p.athlete("A1")
    i = next(i for i in range(tl.p0, tl.n) if days[i].name.endswith(", day between"))
    w.board.set_current("A1", tl.days[i])
    text = w.inspector.toPlainText()
    assert "Session" in text and days[i].summary in text and "Between " in text
    fit = p.athlete("A3")
    j = next(j for j in range(tl.p0, tl.n) if fit[j].context == "team")
    w.board.set_current("A3", tl.days[j])
    assert fit[j].summary in w.inspector.toPlainText()
    w.board.set_current("A3", tl.days[0])  # before today: what was planned
    text = w.inspector.toPlainText()
    assert "Planned session" in text and fit[0].summary in text
    # a past day that went otherwise: no session made up from the logged level
    from planner.season import Session

    logged = E.LogSessions(sessions=(Session(athlete="A3", date=tl.days[1], minutes=60, rpe=6,
                                             top_speed_pct=95),))
    assert w.apply_edit(logged)
    solve(w, qtbot)
    w.board.set_current("A3", tl.days[1])
    text = w.inspector.toPlainText()
    assert "Planned session" not in text and "Went otherwise" in text


def test_a_flare_ups_day_says_the_stage_its_session_ran_in_beside_the_new_one():
    """A 100 % session run in S3 and recorded as a flare-up that day (back to S2): the
    Inspector's Stage row read "S2 — Controlled sprinting, cap 95 %" above "Intensity 100 %"
    and explain's first line "S2, intensity 100 %", a breach at first sight, the "run in S3" far
    below. Both say "S3 → S2 (flare-up)"; the day before and after say their stage alone."""
    from planner.timeline import Timeline
    from tests.builders import flared_in_a_logged_s3_session
    from ui.desktop.panels import InspectorPanel

    d = 3
    s = flared_in_a_logged_s3_session(d)  # solved and checked
    ap, tl = s.plan.for_athlete("A1"), Timeline(s)
    assert (ap.stages[d - 1], ap.stages[d], ap.intensity[d]) == ("S3", "S2", 100)
    head = why_day(s, s.plan, "A1", day(d)).text().splitlines()[0]
    assert ": S3 → S2 (flare-up), intensity 100 %" in head, head
    rows = dict(InspectorPanel._plan_rows(s, tl, ap, d))
    assert rows["Stage"].startswith("<b>S3 → S2 (flare-up)</b> — "), rows["Stage"]
    assert "cap 95 %" in rows["Stage"]
    # one stage for the day's 100 % and its session: the Stage row read "S3 → S2 (flare-up) —
    # Controlled sprinting, cap 95 %" above "Rehab S3: 4 × 30 m at 100 %", S2's words for S3's run
    from planner.returns import stage_meaning as stage_words
    from planner.sessions import Prescriber

    assert rows["Intensity"].startswith("<b>100 %</b>")
    assert Prescriber(s, s.plan).day("A1", d).summary.startswith("Rehab S3: ")
    assert (f"the session ran in S3 ({stage_words(s, 'A1', 'S3')}) and flared up; S2 "
            f"({stage_words(s, 'A1', 'S2')}) from then on") in rows["Stage"], rows["Stage"]
    assert "cap 100 %" in stage_words(s, "A1", "S3")
    for i, st in ((d - 1, "S3"), (d + 1, "S2")):
        assert dict(InspectorPanel._plan_rows(s, tl, ap, i))["Stage"].startswith(f"<b>{st}</b> — ")
        assert f": {st}, intensity" in why_day(s, s.plan, "A1", day(i)).text().splitlines()[0]


def test_a_flare_up_recorded_before_the_re_plan_reads_back_not_forward(w, qtbot):
    """A flare-up recorded from the board's menu on today's cell, where the plan moves the
    athlete on a stage: before the re-plan the Inspector's Stage row read "S3 → FIT (flare-up) —
    the session ran in S3 and flared up; FIT from then on" beside the Injury row's "S2 since",
    as if the flare-up had moved him forward. It says where the flare-up sends him (the stage
    the Injury row names) and that a re-plan plans it; after the re-plan, as it always did."""
    solve(w, qtbot)
    plan = w.season.plan
    aid, d = next((a.athlete, i) for a in plan.athletes for i in range(8, len(a.stages))
                  if a.stages[i] != a.stages[i - 1] and a.stages[i - 1] != "FIT")
    before, projected = plan.for_athlete(aid).stages[d - 1], plan.for_athlete(aid).stages[d]
    w.apply_edit(E.SetSeasonSettings(today=day(d)), after=w.season.model_copy(update={
        "calendar": w.season.calendar.model_copy(update={"today": day(d)})}))
    find_action(cell_menu(w.season, aid, day(d), w.apply_edit, w), "Record flare-up on this day").trigger()
    assert w.season.plan == plan  # not re-planned yet
    from planner.protocols import load_protocol
    from planner.rehab import back, stage_order

    order = stage_order(load_protocol(w.season.injury_of(aid).protocol))
    new = back(load_protocol(w.season.injury_of(aid).protocol), before, 1)
    assert order.index(new) < order.index(before) < order.index(projected)  # back, not on
    w.select_cell(aid, day(d))
    text = w.inspector.toPlainText()
    assert f"{before} → {new} (flare-up, not planned yet)" in text, text
    assert f"{before} → {projected}" not in text and "from then on" not in text
    assert f"still has {projected} here: re-plan from today to plan it" in text, text
    assert f"; {new} since" in text, text  # the Injury row names the same stage
    solve(w, qtbot)
    assert w.season.plan.for_athlete(aid).stages[d] == new
    w.select_cell(aid, day(d))
    text = w.inspector.toPlainText()
    assert "not planned yet" not in text and "re-plan from today" not in text
    assert f"Stage \n{new} — " in text, text  # no running on a flare-up's day: its stage alone
