"""A large season's plan check after an edit runs off the window's thread (ui/desktop/checkrun.py):
on a 40 x 52 season each rename or pin froze the window for half a second while the checker ran.

The season here is small; ``BACKGROUND_FROM`` is set to 0 so that its check takes the large
season's way, and the worker's check is held on a gate so a test decides when it ends."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from planner import edits as E
from planner.check import check_plan
from planner.season import IntensityPin
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop import checkrun
from ui.desktop.mainwindow import MainWindow

D = dt.date


@pytest.fixture
def gate(monkeypatch):
    """Every season's check takes the background way; the worker's check waits for the gate
    (``gate.set()``); a check in the window's thread (``check_report``) never waits. The
    seasons the worker checked are listed in ``gate.seasons``."""
    monkeypatch.setattr(checkrun, "BACKGROUND_FROM", 0)
    event = threading.Event()
    event.seasons = []
    real = checkrun.checked

    def held(season):
        if threading.current_thread() is not threading.main_thread():
            event.seasons.append(season)
            assert event.wait(30), "the test never opened the gate"
        return real(season)

    monkeypatch.setattr(checkrun, "checked", held)
    yield event
    event.set()  # a test that failed with the gate shut: its worker ends, not after 30 s


def window(qtbot, gate) -> MainWindow:
    """Ana (A1) planned at 70 % with two speed days in a row (HV-5 broken), the check shown."""
    season = tiny_season()
    season = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) for a in season.athletes)})
    season = season.model_copy(update={"plan": hand_plan(season, level=70)})
    for day in (D(2026, 3, 4), D(2026, 3, 5)):
        season = E.SetDayIntensity(athlete="A1", date=day, intensity=90).apply(season)
    w = MainWindow(season, None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    gate.set()  # the opening season's check
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    gate.clear()
    gate.seasons.clear()
    assert any(v.rule == "HV-5" for v in w.check_report.violations)
    return w


def hv5_text(w: MainWindow) -> str:
    return "\n".join(w.violations_panel.list.item(k).text()
                     for k in range(w.violations_panel.list.count()))


def test_an_edit_returns_before_its_check_ends_and_says_checking(qtbot, gate):
    w = window(qtbot, gate)
    assert w.board.violations_at("A1", D(2026, 3, 5))
    assert w.apply_edit(E.UpdateAthlete(athlete="A1", name="Anabel"))
    # the edit is applied and shown while the worker's check waits on the gate
    assert w.check_pending() and not gate.is_set()
    assert w.season.athlete("A1").name == "Anabel"
    assert w.docks["check"].windowTitle() == "Plan Check: checking…"
    assert w.violations_panel.summary.text() == "Checking the plan…"
    assert w.violations_panel.list.count() == 0
    assert w.board.violations_at("A1", D(2026, 3, 5))  # the last report's marks stay meanwhile
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert gate.seasons[-1] is w.season
    expected = check_plan(w.season, w.season.plan)
    assert w.check_report.violations == expected.violations
    assert w.board.violations_at("A1", D(2026, 3, 5))
    assert "Anabel" in hv5_text(w) and w.docks["check"].windowTitle().startswith("Plan Check (")


def test_a_report_of_a_season_edited_since_is_never_shown(qtbot, gate):
    w = window(qtbot, gate)
    first = w.document.season
    w.apply_edit(E.UpdateAthlete(athlete="A1", name="Anabel"))
    qtbot.waitUntil(lambda: len(gate.seasons) == 1, timeout=10_000)  # its check has started
    renamed = w.season
    w.apply_edit(E.UpdateAthlete(athlete="A1", name="Anna"))  # while it runs
    current = w.season
    seen = []

    def on_done(season, _result) -> None:  # after the window's own slot
        seen.append((season, w.check_pending(), w.violations_panel.list.count(),
                     bool(w.board.violations_at("A1", D(2026, 3, 5)))))

    w.check_runner.done.connect(on_done)
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    # the renamed season's report came first and was not shown; the current one's then was
    assert [s for s, *_ in seen] == [renamed, current]
    assert seen[0][1:] == (True, 0, True)  # not listed; the last report's frames still drawn
    assert seen[1][1] is False and seen[1][2] > 0 and seen[1][3]
    assert gate.seasons == [renamed, current]
    text = hv5_text(w)
    assert "Anna" in text and "Anabel" not in text
    # the renamed season's report is kept: undo shows it at once, no check waits
    w.undo_action.trigger()
    assert w.season is renamed and not w.check_pending()
    assert "Anabel" in hv5_text(w)
    w.undo_action.trigger()
    assert w.season is first and not w.check_pending()


def test_a_burst_of_edits_is_checked_once_for_the_last(qtbot, gate):
    w = window(qtbot, gate)
    for k in range(5):
        w.apply_edit(E.UpdateAthlete(athlete="A1", name=f"Ana {k}"))
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert gate.seasons == [w.season]  # the edits before the first check began: none checked
    assert "Ana 4" in hv5_text(w)


def test_whoever_needs_the_report_gets_the_current_one_at_once(qtbot, gate):
    w = window(qtbot, gate)
    w.apply_edit(E.UpdateAthlete(athlete="A1", name="Anabel"))
    assert w.check_pending()
    report = w.check_report  # save, export and solve read it: worked out now, not waited for
    assert not w.check_pending() and not gate.is_set()
    assert report.violations == check_plan(w.season, w.season.plan).violations
    assert "Anabel" in hv5_text(w) and w.board.violations_at("A1", D(2026, 3, 5))
    gate.set()  # the worker's report of the same season comes later: nothing changes
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert w.check_report is report


def test_what_the_check_says_of_an_edit_is_added_when_it_ends(qtbot, gate):
    w = window(qtbot, gate)
    pin = IntensityPin(athlete="A2", date=D(2026, 3, 4), intensity=90)
    w.apply_edit(E.AddPin(pin=pin))
    said = w.statusBar().last_said()
    assert said.startswith("Pin ") and "plan it" not in said
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert w.statusBar().last_said().startswith(said.rstrip("."))
    assert w.statusBar().last_said().endswith("to plan it.")
    assert w.edit_said == w.statusBar().last_said()
    gate.clear()
    w.apply_edit(E.SetDayIntensity(athlete="A2", date=D(2026, 3, 6), intensity=90))
    assert "now breaks" not in w.statusBar().last_said()
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert "The plan now breaks" in w.statusBar().last_said()


def test_words_of_an_edit_undone_meanwhile_are_not_added(qtbot, gate):
    w = window(qtbot, gate)
    w.apply_edit(E.SetDayIntensity(athlete="A2", date=D(2026, 3, 6), intensity=90))
    w.undo_action.trigger()  # back to a season checked before: shown at once
    assert not w.check_pending()
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert "now breaks" not in w.statusBar().last_said()


def test_a_season_opened_says_the_rules_its_plan_breaks_at_once(qtbot, gate):
    w = window(qtbot, gate)
    first = w.season
    assert "breaks" in w.statusBar().last_said()  # the window's opening summary
    w.apply_edit(E.UpdateAthlete(athlete="A1", name="Anabel"))
    w.document.replace(first, None)  # another season opened while its check waits
    assert w.season is first and not w.check_pending()
    assert "Ana" in hv5_text(w) and "Anabel" not in hv5_text(w)
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert "Anabel" not in hv5_text(w)


def test_a_small_season_is_checked_at_once(qtbot):
    season = tiny_season()
    season = season.model_copy(update={"plan": hand_plan(season, level=70)})
    assert not checkrun.CheckRunner.background(season)
    w = MainWindow(season, None)
    qtbot.addWidget(w)
    w.apply_edit(E.SetDayIntensity(athlete="A1", date=D(2026, 3, 4), intensity=90))
    assert not w.check_pending() and w.check_report is not None


@pytest.fixture(scope="module")
def big_season():
    """A 40 x 52 season (``bench.case``'s) with the baseline plan, which breaks hard rules on
    many days: its check takes the background way without any setting changed."""
    from bench.baseline import baseline_plan
    from bench.case import season_of

    season, _label = season_of("40")
    season = season.model_copy(update={"plan": baseline_plan(season)})
    assert checkrun.CheckRunner.background(season)
    return season


def marked(w: MainWindow) -> dict:
    """Each athlete's cells the board frames in red (day spans), as it paints them."""
    return {aid: sorted(spans) for aid, spans in w.board._bad_cells.items()}


def test_a_big_seasons_red_frames_stay_while_its_check_runs(qtbot, gate, big_season):
    """On a season over ~7,000 athlete-days each edit's check runs in the background, and the
    board's red frames went off until its report came, then came back: every edit blinked them.
    The last report's frames now stay drawn while Plan Check says it is checking; the report of
    a season edited since is still not taken for the current one's."""
    w = MainWindow(big_season, None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=30_000)
    gate.clear()
    report = w.check_report
    bad = next(v for v in report.violations if v.athlete is not None)
    before = marked(w)
    assert before and w.board.violations_at(bad.athlete, bad.start)
    w.board.set_current(bad.athlete, bad.start)  # the frame in view, as the coach sees it
    qtbot.wait(50)
    frame = w.board.grab()

    assert w.apply_edit(E.SetSeasonSettings(name="Renamed season"))  # nothing on the board
    qtbot.waitUntil(lambda: len(gate.seasons) == 1, timeout=10_000)  # its check has started
    assert w.check_pending() and not gate.is_set()
    assert w.violations_panel.summary.text() == "Checking the plan…"
    assert w.docks["check"].windowTitle() == "Plan Check: checking…"
    assert marked(w) == before  # the frames it had, still drawn
    assert w.board.violations_at(bad.athlete, bad.start)
    qtbot.wait(50)
    assert w.board.grab().toImage() == frame.toImage()  # as it was drawn, to the pixel

    renamed = w.season
    w.apply_edit(E.SetSeasonSettings(name="Renamed again"))  # while it runs
    shown = []
    w.check_runner.done.connect(lambda season, _r: shown.append(  # after the window's own slot
        (season, w.check_pending(), w.violations_panel.list.count(), marked(w))))
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=30_000)
    assert [s for s, *_ in shown] == [renamed, w.season]
    # the renamed season's report came first: not the current one's, the frames kept meanwhile
    assert shown[0][1:] == (True, 0, before)  # Plan Check still lists nothing: checking
    assert shown[1][1] is False
    assert w.check_report.violations == check_plan(w.season, w.season.plan).violations
    assert marked(w) == before  # a new name breaks nothing new


def test_another_seasons_red_frames_are_not_kept_while_its_check_runs(qtbot, gate, big_season):
    """The frames kept while a check runs are the same file's: a season opened in the window
    shows none of the one before until its own report comes."""
    w = MainWindow(big_season, None)
    qtbot.addWidget(w)
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=30_000)
    gate.clear()
    assert marked(w)
    other = E.UpdateAthlete(athlete=big_season.athletes[0].id, name="Other File").apply(big_season)
    w.set_document(other, None)
    assert w.check_pending() and marked(w) == {}
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=30_000)
    assert marked(w)


def test_the_inspector_follows_the_report_that_ends_the_check(qtbot, gate):
    """The frames kept while a check runs are the last report's, and so are the selected
    cell's breaches in the inspector; an edit that mends the day drops both once its report
    comes (the inspector kept saying the rule broken until another cell was chosen)."""
    w = window(qtbot, gate)
    w.board.set_current("A1", D(2026, 3, 5))
    assert any(v.rule == "HV-5" for v in w.inspector.violations)
    w.apply_edit(E.SetDayIntensity(athlete="A1", date=D(2026, 3, 5), intensity=70))
    assert w.check_pending()
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert not any(v.rule == "HV-5" for v in w.check_report.violations)
    assert w.board.current() == ("A1", D(2026, 3, 5))
    assert w.inspector.violations == w.board.violations_at("A1", D(2026, 3, 5))
    assert not any(v.rule == "HV-5" for v in w.inspector.violations)


def _on_main_thread(monkeypatch, module, name: str) -> list[bool]:
    """``module.name`` wrapped to record, at each call, whether it ran in the window's thread:
    the list it appends to."""
    calls, real = [], getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_the_cold_starts_plan_check_lists_are_worked_out_with_the_check_not_in_the_window(
        qtbot, gate, monkeypatch):
    """On 40 x 52 Plan Check's fill worked out the cold starts (a plan checker's facts of the
    whole squad, 0.25 s) in the window's thread after each check, a pin of one day too."""
    from planner import coldstart

    w = window(qtbot, gate)
    threads = _on_main_thread(monkeypatch, coldstart, "_Checker")
    w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A2", date=D(2026, 3, 6), intensity=0)))
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    assert threads == [False]  # once, in the check's worker
    shown = hv5_text(w)
    coldstart.cold_starts.forget()
    w.violations_panel._notes.clear()
    w.violations_panel.set_report(w.season, w.check_report)  # worked out again, here
    assert threads == [False, True]
    assert hv5_text(w) == shown


def test_a_season_opened_paints_first_and_its_summary_fills_in_when_its_check_ends(
        qtbot, gate, monkeypatch):
    """On 40 x 52 the status bar's summary worked the plan check out in the window's thread
    (1.7 s) before the board was first painted, past the background check."""
    from planner import check

    here = _on_main_thread(monkeypatch, check, "check_plan")
    season = tiny_season()
    season = season.model_copy(update={"plan": hand_plan(season, level=70)})
    for day in (D(2026, 3, 4), D(2026, 3, 5)):
        season = E.SetDayIntensity(athlete="A1", date=day, intensity=90).apply(season)
    w = MainWindow(season, None)
    qtbot.addWidget(w)
    assert True not in here  # nothing checked in the window's thread before it is shown
    w.show()
    qtbot.waitUntil(lambda: bool(gate.seasons), timeout=10_000)  # the worker waits on the gate
    assert True not in here
    assert w.check_pending()
    said = w.statusBar().last_said()
    assert "plan: checking" in said and "breaks" not in said
    gate.set()
    qtbot.waitUntil(w.check_runner.idle, timeout=10_000)
    said = w.statusBar().last_said()
    assert "breaks" in said and "checking" not in said
    assert here == [False]
