"""The desktop app: main window, season board, background solve, files (pytest-qt, offscreen).

Offscreen Qt: shortcuts are not fired by key clicks, so the tests trigger actions; message
boxes and file dialogs are recorded by the ``dialogs`` fixture (tests/ui/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QKeySequence

from planner.season import (
    Athlete,
    AthletePlan,
    Calendar,
    Competition,
    Injury,
    Plan,
    Season,
    StageRecord,
)
from planner.seasonfile import load_season, save_season
from planner.timeline import Timeline
from solver.api import Conflict, Outcome, Progress, Status
from tests.builders import tiny_season
from ui.desktop.board import CELL_W, HEADER_H, ROW_H, SeasonBoard
from ui.desktop.mainwindow import MainWindow

D = dt.date


def hand_plan(season: Season, level: int = 90) -> Plan:
    """A plan of the right shape (not a good one): every training day at ``level``."""
    tl = Timeline(season)
    athletes = []
    for a in season.athletes:
        injured = season.injury_of(a.id) is not None
        stages = tuple("P2" if injured else "FIT" for _ in range(tl.n))
        intensity = tuple((70 if injured else level) if tl.is_training[i] else 0 for i in range(tl.n))
        athletes.append(AthletePlan(athlete=a.id, stages=stages, intensity=intensity,
                                    weeks=tuple("load" for _ in tl.weeks)))
    team = tuple("deload" if w.index == 0 else "load" for w in tl.weeks)
    return Plan(status="manual", team_weeks=team, athletes=tuple(athletes))


@pytest.fixture
def tiny():
    return tiny_season()


@pytest.fixture
def window(qtbot, tiny):
    w = MainWindow(tiny, None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    qtbot.waitExposed(w)
    return w


class BlockingSolve:
    """A fake ``solve``: reports progress, then waits for the stop token (or ``release``)."""

    def __init__(self, plan_on_stop: Plan | None = None):
        self.started = threading.Event()
        self.release = threading.Event()
        self.plan_on_stop = plan_on_stop
        self.requests = []

    def __call__(self, request, on_progress=None, stop=None):
        self.requests.append(request)
        self.started.set()
        on_progress(Progress(objective=1234.0, bound=1000.0, elapsed=0.1, solutions=1))
        deadline = time.monotonic() + 60  # a safety net: every test cancels or releases it
        while not (stop.is_set() or self.release.is_set()) and time.monotonic() < deadline:
            time.sleep(0.01)
        status = Status.CANCELLED if stop.is_set() else Status.FEASIBLE
        return Outcome(status, self.plan_on_stop, objective=1234.0, bound=1000.0,
                       message="stopped" if stop.is_set() else "done")


def solving(qtbot, season: Season, plan: Plan, wait: float = 5):
    """A shown window on ``season`` whose solve (a :class:`BlockingSolve` ending on ``plan``)
    has started: (window, fake solve)."""
    fake = BlockingSolve(plan_on_stop=plan)
    w = MainWindow(season, None, solve_fn=fake)
    qtbot.addWidget(w)
    w.show()
    w.solve_action.trigger()
    assert fake.started.wait(wait)
    return w, fake


# -- the window ---------------------------------------------------------------------------
def test_window_opens_on_the_season(window, tiny):
    assert window.season is tiny
    assert "Tiny FC" in window.windowTitle()
    assert "*" not in window.windowTitle()
    assert window.board.accessibleName() == "Season board"
    assert window.board.season() is tiny
    # Injured first, then by position: goalkeeper before forward.
    assert window.board.athlete_order() == ["A3", "A1", "A2"]
    assert not window.cancel_button.isVisible()
    assert window.solve_action.isEnabled()


def test_standard_shortcuts(window):
    assert QKeySequence("F5") in window.solve_action.shortcuts()
    assert window.open_action.shortcuts() and window.save_action.shortcuts()
    assert window.save_as_action.shortcuts() and window.quit_action.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Open) in window.open_action.shortcuts()


def test_solve_with_the_real_solver_sets_the_plan(window, qtbot, dialogs):
    before = window.board.content_signature()
    window.solve_time_limit = 20.0
    with qtbot.waitSignal(window.solve_finished, timeout=60_000) as blocker:
        window.solve_action.trigger()
        assert window.cancel_button.isVisible()
        assert not window.solve_action.isEnabled()
    outcome = blocker.args[0]
    assert outcome.plan is not None, (outcome.status, outcome.message, list(dialogs))
    assert outcome.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert window.season.plan == outcome.plan
    assert window.season.name == "Tiny FC"
    assert window.board.content_signature() != before
    assert window.windowTitle().endswith("* — Periodize")
    assert not window.cancel_button.isVisible()
    assert window.solve_action.isEnabled()
    assert {"optimal": "the best plan the rules allow (proven)",
            "feasible": "the best plan found in the time allowed"}[outcome.status.value] in \
        window.statusBar().currentMessage()
    assert not [d for d in dialogs if d[0] in ("error", "warn")]


def test_progress_and_cancel_with_a_fake_solver(qtbot, tiny, dialogs):
    fake = BlockingSolve()
    w = MainWindow(tiny, None, solve_fn=fake)
    qtbot.addWidget(w)
    w.show()
    w.solve_action.trigger()
    qtbot.waitUntil(lambda: "objective 1,234" in w.progress_label.text(), timeout=5000)
    assert "bound 1,000" in w.progress_label.text()
    assert w.cancel_button.isVisible() and w.progress_bar.isVisible()
    assert fake.requests[0].season is tiny and fake.requests[0].deterministic is False
    with qtbot.waitSignal(w.solve_finished, timeout=5000) as blocker:
        w.cancel_button.click()
    assert blocker.args[0].status == Status.CANCELLED
    assert w.season.plan is None
    assert "cancelled" in w.statusBar().currentMessage().lower()
    assert not w.cancel_button.isVisible()
    assert dialogs == []


def test_a_cancelled_solve_keeps_the_best_plan_so_far(qtbot, tiny):
    plan = hand_plan(tiny)
    w = MainWindow(tiny, None, solve_fn=BlockingSolve(plan_on_stop=plan))
    qtbot.addWidget(w)
    w.solve_action.trigger()
    with qtbot.waitSignal(w.solve_finished, timeout=5000) as blocker:
        w.cancel_action.trigger()
    assert blocker.args[0].status == Status.CANCELLED  # the fake returns only when stopped
    assert w.season.plan == plan
    assert w.modified
    assert "stopped early" in w.statusBar().currentMessage()


def infeasible(request, on_progress=None, stop=None):
    """A solve that finds no plan and names one conflict (Cara Mid's return)."""
    conflict = Conflict(rule="RH-3", athlete="A3", start="2026-03-02", end="2026-03-15",
                        text="Cara Mid cannot reach FIT before the match")
    return Outcome(Status.INFEASIBLE, None, explanation=(conflict,),
                   message="No plan satisfies every hard rule.")


def test_infeasible_outcome_is_explained(qtbot, tiny, dialogs):
    w = MainWindow(tiny, None, solve_fn=infeasible)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    assert w.season.plan is None
    assert dialogs == []  # shown in a panel, not a blocking dialog
    text = w.explanation.toPlainText()
    assert "No plan satisfies every hard rule" in text
    assert "Cara Mid cannot reach FIT" in text
    assert not w.docks["explanation"].isHidden()
    # the conflict resolved (here: the real solver), the panel opened for it closes again
    w._solve_fn = None
    w.solve_time_limit = 20.0
    with qtbot.waitSignal(w.solve_finished, timeout=60000):
        w.solve_action.trigger()
    assert w.season.plan is not None
    assert w.docks["explanation"].isHidden()
    assert "no conflict to explain" in w.explanation.toPlainText()


def test_the_solver_explanation_stays_closed_with_nothing_to_explain(qtbot, tiny, tmp_path, dialogs,
                                                                   isolated_settings):
    """Review 252: after one solve without a plan the Solver Explanation (a third of a 1366 x 768
    window) came back at every start, saying "Nothing to explain". A window restored with it
    open, or another season opened, closes it while it has nothing to say; a new explanation
    opens it."""
    w = MainWindow(tiny, None, solve_fn=infeasible)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    assert w.docks["explanation"].isVisible()  # a new explanation: opened
    assert w.close()  # the layout saved with the explanation open, as the coach left it
    again = MainWindow(tiny, None)  # the next start: the explanation is not kept
    qtbot.addWidget(again)
    again.show()
    assert "Nothing to explain" in again.explanation.toPlainText()
    assert again.docks["explanation"].isHidden()
    again.docks["explanation"].show()  # opened by hand (View menu), then another season opened
    path = tmp_path / "other.season.json"
    save_season(tiny, path)
    assert again.open_path(path)
    assert again.docks["explanation"].isHidden()
    again.docks["explanation"].show()  # opened by hand with nothing to explain: left as chosen
    qtbot.wait(50)
    assert again.docks["explanation"].isVisible()


def test_a_speed_pin_in_a_week_of_two_matches_is_explained_with_the_matches_and_the_setting(qtbot, dialogs):
    """The Solver Explanation of a 95 % pin in a week whose Saturday and Sunday matches take
    HV-2's speed days read "HV-2 Speed days per week ... for Tom Aki" and the pin, no word of
    the matches; it says them and the setting, as the command line does (one text)."""
    from planner.season import Competition, IntensityPin
    from tests.builders import day
    from tests.builders import season as built

    sunday = Competition(id="sun", name="Sunday match", date=day(13), priority="C")
    s = built(weeks=3, athletes=2, comps=[sunday],
              pins=(IntensityPin(athlete="A1", date=day(9), intensity=95),))
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    w.solve_time_limit = 20.0
    with qtbot.waitSignal(w.solve_finished, timeout=60000):
        w.solve_action.trigger()
    assert w.season.plan is None and dialogs == []
    text = " ".join(w.explanation.toPlainText().split())
    assert ("Sat 16 Jan and Sun 17 Jan are matches: the week's 2 speed days (HV-2) are taken; "
            "pin another week (the week of Mon 18 Jan may have a speed day free), or set the athlete "
            "out of one of these matches (Roles panel, or --role), or allow 3 (Rules panel, or "
            "--rule HV-2.max_speed_days=3)") in text


def test_a_stage_out_of_days_is_explained_with_a_way_on_that_one_click_records(qtbot, dialogs):
    """The real solver: P2 must end by day 35 and the athlete is away from today (day 14) to day
    34. The explanation offers recording the athlete still in P2 from today; the link records
    it as one undo step and solves again, and the season has a plan."""
    from planner.season import StageRecord, Unavailability
    from tests.builders import day, injury
    from tests.builders import season as built

    away = (Unavailability(athlete="A1", start=day(14), end=day(34)),)
    s = built(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
              unavailable=away, today=day(14))
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    w.solve_time_limit = 20.0
    with qtbot.waitSignal(w.solve_finished, timeout=60000):
        w.solve_action.trigger()
    assert w.season.plan is None
    text = w.explanation.toPlainText()
    assert "A way on: Athlete 1 (A1) has been in P2 since" in text  # the cause first
    assert "If the physio re-assesses Athlete 1 (A1) as still in P2" in text and "Record it and solve again" in text
    assert 'href="remedy:0"' in w.explanation.toHtml()
    infeasible = w.explanation.outcome
    with qtbot.waitSignal(w.solve_finished, timeout=60000) as blocker:
        w.explanation.follow("remedy:0")
    assert blocker.args[0].plan is not None
    assert StageRecord(stage="P2", start=day(14)) in w.season.injuries_of("A1")[0].stages
    assert w.season.plan is not None and w.docks["explanation"].isHidden()
    assert dialogs == []
    w.undo_stack.undo()  # the plan, then the record, each one step
    w.undo_stack.undo()
    assert StageRecord(stage="P2", start=day(14)) not in w.season.injuries_of("A1")[0].stages
    # a scenario's explanation (its season is not the document) offers no record in the season
    w.explanation.show_outcome(w.season.model_copy(update={"name": "What if"}), infeasible,
                               basis=w.season)
    assert "P2's 21-42 days" not in w.explanation.toPlainText()


def test_a_way_on_of_more_training_days_is_said_with_no_record_link(qtbot, dialogs):
    """More training days are a change of Season Settings, no fact to record: the way on is
    said first, with no "Record it" link, and following its link number records nothing; the
    stage record after it keeps its link."""
    from solver.api import Outcome, Remedy, Status
    from tests.builders import day, injury
    from tests.builders import season as built

    s = built(weeks=3, athletes=2, injuries=(injury("A1", "P2", start_day=-35),))
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    out = Outcome(Status.INFEASIBLE, None, remedies=(
        Remedy(athlete="A1", stage="P2", date=day(6).isoformat(), kind="training-days",
               text="Tick more training days (Season ▸ Season Settings): A1 needs 4 rehab days."),
        Remedy(athlete="A1", stage="P2", date=day(0).isoformat(), text="If A1 is still in P2, record that.")))
    w.explanation.show_outcome(w.season, out)
    text = w.explanation.toPlainText()
    first, second = text.index("A way on: Tick more training days"), text.index("A way on: If A1")
    assert first < second and "Record it" not in text[first:second]
    html = w.explanation.toHtml()
    assert 'href="remedy:0"' not in html and 'href="remedy:1"' in html
    with qtbot.assertNotEmitted(w.explanation.remedy_requested):
        w.explanation.follow("remedy:0")
    assert w.season is s and dialogs == []


def test_a_flare_up_way_on_records_the_flare_up_and_solves_again(qtbot, dialogs):
    """The explanation's flare-up way on (a logged pain the log proposes as a flare-up) records
    that flare-up as one undo step, not a stage, and solves again."""
    from solver.api import Remedy
    from tests.builders import day, injury
    from tests.builders import season as built

    s = built(weeks=6, athletes=2, injuries=(injury("A1", "S1", start_day=-3),), today=day(14))
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    w.solve_time_limit = 20.0
    remedy = Remedy(athlete="A1", stage="", date=day(10).isoformat(), kind="flare-up",
                    text="Athlete 1 (A1) logged pain 5/10: if that was a flare-up, record it.")
    with qtbot.waitSignal(w.solve_finished, timeout=60000):
        w.record_remedy(remedy)
    assert day(10) in w.season.injuries_of("A1")[0].flare_ups
    assert w.season.injuries_of("A1")[0].stages == s.injuries_of("A1")[0].stages
    assert w.season.plan is not None
    w.undo_stack.undo()  # the plan, then the flare-up, each one step
    w.undo_stack.undo()
    assert day(10) not in w.season.injuries_of("A1")[0].flare_ups
    assert dialogs == []


def test_a_solver_error_is_shown_without_traceback(qtbot, tiny, dialogs):
    def broken(request, on_progress=None, stop=None):
        raise RuntimeError("model could not be built")

    w = MainWindow(tiny, None, solve_fn=broken)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.solve_failed, timeout=5000):
        w.solve_action.trigger()
    assert dialogs.kinds() == ["error"]
    assert "model could not be built" in dialogs[0][2]
    assert "Traceback" not in dialogs[0][2]
    assert w.solve_action.isEnabled() and not w.cancel_button.isVisible()


def test_a_season_without_a_training_weekday_is_refused_as_the_command_line_refuses_it(
        qtbot, tiny, dialogs, tmp_path, capsys):
    """'periodize solve' refused such a file (exit 1, the field and the fix) while the app
    planned it: "Solved in 0.0 s: the best plan the rules allow (proven)", every day 0."""
    from planner.validate import NO_WEEKDAY_PROBLEM
    from ui.cli.main import main

    none = tiny.model_copy(update={"calendar": tiny.calendar.model_copy(
        update={"training_days": ()})})
    save_season(none, tmp_path / "s.season.json")
    assert main(["solve", str(tmp_path / "s.season.json")]) == 1
    assert capsys.readouterr().err == f"periodize: {tmp_path / 's.season.json'}: {NO_WEEKDAY_PROBLEM}\n"
    w = MainWindow(none, None)  # the solver itself, no stand-in
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.solve_failed, timeout=10000):
        w.solve_action.trigger()
    assert dialogs.kinds() == ["error"]
    assert dialogs[0][2] == NO_WEEKDAY_PROBLEM  # "calendar.training_days: … (Season ▸ Season …)"
    assert "Traceback" not in dialogs[0][2]
    assert w.season.plan is None and w.undo_stack.count() == 0
    assert "proven" not in w.statusBar().currentMessage()


def test_a_result_for_a_replaced_document_is_ignored(qtbot, tiny, tmp_path):
    other = tmp_path / "other.season.json"
    from planner.seasonfile import save_season

    save_season(tiny.model_copy(update={"name": "Other FC"}), other)
    fake = BlockingSolve(plan_on_stop=hand_plan(tiny))
    w = MainWindow(tiny, None, solve_fn=fake)
    qtbot.addWidget(w)
    w.solve_action.trigger()
    assert fake.started.wait(5)
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        assert w.open_path(other)
    assert w.season.name == "Other FC"
    assert w.season.plan is None
    assert "ignored" in w.statusBar().currentMessage()
    assert not w.modified


def test_closing_while_solving_stops_the_solver(qtbot, tiny):
    from ui.desktop import jobs

    fake = BlockingSolve()
    w = MainWindow(tiny, None, solve_fn=fake)
    qtbot.addWidget(w)
    w.show()
    w.solve_action.trigger()
    assert fake.started.wait(5)
    assert w.close()
    assert w.solve_job.stop.is_set()  # the solver was asked to stop
    assert not w.is_solving() and jobs.orphans() == []  # and its thread ended with the window


class HeldSolve:
    """The real solver on the demo season, held at its first plan until the coach cancels: the
    solve cannot end by itself before the cancel, however fast the machine."""

    def __init__(self):
        self.first_plan = threading.Event()

    def __call__(self, request, on_progress=None, stop=None):
        from solver import solve

        def progress(p):
            self.first_plan.set()  # before the window can hear of it
            on_progress(p)
            stop_wait = time.monotonic() + 120  # a safety net only: the test cancels at once
            while not stop.is_set() and time.monotonic() < stop_wait:
                time.sleep(0.01)

        return solve(request, on_progress=progress, stop=stop)


def test_cancel_a_real_solve_of_the_demo_season(qtbot, demo_season):
    """Cancel at once: honoured while the model is built or searched, before any plan."""
    w = MainWindow(demo_season, None, solve_fn=HeldSolve())
    qtbot.addWidget(w)
    w.solve_time_limit = 60.0
    with qtbot.waitSignal(w.solve_finished, timeout=60_000) as blocker:
        w.solve_action.trigger()
        w.cancel_button.click()
        assert w.progress_label.text() == "Stopping…"
    outcome = blocker.args[0]
    assert outcome.status == Status.CANCELLED
    assert w.solve_job.stop.is_set()
    assert w.season.plan == outcome.plan  # the best plan so far, if there was one, is kept
    assert w.solve_action.isEnabled() and not w.cancel_button.isVisible()


def test_cancel_a_real_solve_after_its_first_plan(qtbot, demo_season):
    held = HeldSolve()
    w = MainWindow(demo_season, None, solve_fn=held)
    qtbot.addWidget(w)
    w.solve_time_limit = 60.0
    w.solve_action.trigger()
    qtbot.waitUntil(lambda: "objective" in w.progress_label.text(), timeout=60_000)
    assert held.first_plan.is_set() and w.is_solving()
    with qtbot.waitSignal(w.solve_finished, timeout=60_000) as blocker:
        w.cancel_button.click()
    outcome = blocker.args[0]
    assert outcome.status == Status.CANCELLED
    assert outcome.plan is not None  # a solution had been found: it is kept
    assert w.season.plan == outcome.plan
    assert "stopped early" in w.statusBar().currentMessage()


# -- files --------------------------------------------------------------------------------
def test_save_and_open_round_trip(window, tiny, tmp_path):
    season = tiny.model_copy(update={"plan": hand_plan(tiny)})
    window.set_document(season, None, modified=True)
    assert "*" in window.windowTitle()
    target = tmp_path / "tiny.season.json"
    assert window.save_to(target)
    assert window.path == target
    assert "tiny.season.json" in window.windowTitle() and "*" not in window.windowTitle()
    assert load_season(target) == season

    window.set_document(tiny_season(), None)
    assert window.open_path(target)
    assert window.season == season
    assert window.path == target
    assert not window.modified


def test_save_uses_the_current_path(window, tiny, tmp_path):
    target = tmp_path / "a.season.json"
    assert window.save_to(target)
    window.set_document(tiny.model_copy(update={"plan": hand_plan(tiny)}), target, modified=True)
    window.save_action.trigger()
    assert not window.modified
    assert load_season(target).plan is not None
    assert (tmp_path / "a.season.json.bak").exists()


def test_save_as_a_name_without_the_suffix_asks_before_replacing_that_file(window, tmp_path, dialogs):
    """"victim" typed while victim.season.json exists: the file dialog asked about "victim",
    which does not exist, and the other season file was replaced without a word."""
    victim = tmp_path / "victim.season.json"
    save_season(tiny_season().model_copy(update={"name": "Victim FC"}), victim)
    dialogs.files = [str(tmp_path / "victim")]
    dialogs.answer = "no"
    window.save_as_action.trigger()
    assert dialogs.kinds() == ["save", "confirm"]
    assert f"{victim} exists already. Replace it?" in dialogs[1][2]
    assert load_season(victim).name == "Victim FC" and window.path is None  # kept as it was
    dialogs.files = [str(tmp_path / "victim")]
    dialogs.answer = "yes"
    window.save_as_action.trigger()
    assert window.path == victim and load_season(victim).name == window.season.name
    assert load_season(tmp_path / "victim.season.json.bak").name == "Victim FC"
    dialogs.files = [str(tmp_path / "fresh")]
    window.save_as_action.trigger()  # no file of that name: nothing to ask
    assert dialogs.kinds()[-1] == "save" and window.path == tmp_path / "fresh.season.json"


def test_save_as_without_a_chosen_file_does_nothing(window):
    window.save_action.trigger()  # no path yet: Save As, and the coach chooses no file
    assert window.path is None


def test_opening_a_season_says_a_match_on_a_day_off_and_a_target_before_its_injury(
        window, tiny, tmp_path, dialogs):
    from planner.season import NonTrainingDay
    from planner.seasonfile import save_season

    cal = tiny.calendar.model_copy(update={"non_training_days": (
        NonTrainingDay(date=D(2026, 3, 14), reason="Travel"),)})
    friendly = Competition(id="f1", name="Friendly", date=D(2026, 3, 3), priority="C")
    hurt = Injury(athlete="A1", protocol="hamstring-strain", onset=D(2026, 3, 10),
                  stages=(StageRecord(stage="P1", start=D(2026, 3, 10)),), target_competition="f1")
    path = tmp_path / "old.season.json"
    save_season(tiny.model_copy(update={"calendar": cal, "competitions": (friendly,) + tiny.competitions,
                                        "injuries": tiny.injuries + (hurt,)}), path)
    assert window.open_path(path)
    assert window.season.injury_of("A1").target_competition is None  # ignored, and said
    assert window.season.competition("m1") is not None  # the match stands
    assert dialogs.kinds() == ["inform"] and dialogs[0][1] == "Opened, with notes"
    assert ("• Day off: Sat 14 Mar 2026 is the day of 'League match' (B): the match is still "
            "played; the day off (Travel) only takes the day's training away") in dialogs[0][2]
    assert ("• Target: Ana Keeper (A1)'s target 'Friendly' is on Tue 3 Mar 2026, before the "
            "onset Tue 10 Mar 2026") in dialogs[0][2] and "the target is ignored" in dialogs[0][2]


def test_a_stored_plan_that_no_longer_fits_is_left_out_on_open_and_said(window, tiny, tmp_path, dialogs):
    """A plan cut short in the file by hand: the season opens without the stored plan, the note
    says why and the way on; the window is not marked changed (the coach changed nothing), and
    a save writes the season without the plan. (An athlete added by hand keeps the plan, as Add
    athlete does: tests/reliability/test_loading.py.)"""
    import json

    from planner.seasonfile import season_to_dict

    data = season_to_dict(tiny.model_copy(update={"plan": hand_plan(tiny)}))
    data["plan"]["athletes"][0]["intensity"] = data["plan"]["athletes"][0]["intensity"][:5]
    n = len(data["plan"]["athletes"][1]["intensity"])
    path = tmp_path / "stale.season.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_path(path)
    assert window.path == path and window.season.plan is None
    assert dialogs.kinds() == ["inform"] and dialogs[0][1] == "Opened, with notes"
    assert "the stored plan no longer fits the season (plan." in dialogs[0][2]
    assert f"has 5 entries, expected {n}); it was left out: solve again (F5" in dialogs[0][2]
    assert not window.modified
    assert json.loads(path.read_text(encoding="utf-8"))["plan"] is not None  # not saved unasked
    assert window.save()
    assert json.loads(path.read_text(encoding="utf-8"))["plan"] is None and load_season(path)


def test_opening_an_excel_workbook_names_the_import_and_keeps_the_document(window, tiny, tmp_path,
                                                                          dialogs):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "team.xlsx")
    assert not window.open_path(tmp_path / "team.xlsx")
    assert window.season is tiny and window.path is None
    assert dialogs.kinds() == ["error"]
    assert ("team.xlsx: is an Excel workbook, not a season: to make a season of a coach workbook, "
            "use File ▸ Import Excel Workbook… (periodize import team.xlsx -o NEW.season.json)") \
        in dialogs[0][2]


def test_opening_a_broken_file_keeps_the_document(window, tiny, tmp_path, dialogs):
    bad = tmp_path / "broken.season.json"
    bad.write_text('{"format": "periodize-season", "schema_version": 1, "name": ', encoding="utf-8")
    assert not window.open_path(bad)
    assert window.season is tiny
    assert window.path is None
    assert dialogs.kinds() == ["error"]
    text = dialogs[0][2]
    assert "broken.season.json" in text and "not valid JSON" in text
    assert "Traceback" not in text


def test_opening_an_invalid_season_names_the_problem(window, tiny, tmp_path, dialogs):
    from planner.seasonfile import season_to_dict

    data = season_to_dict(tiny)
    data["competitions"][0]["priority"] = "Z"
    bad = tmp_path / "bad.season.json"
    import json

    bad.write_text(json.dumps(data), encoding="utf-8")
    assert not window.open_path(bad)
    assert window.season is tiny
    assert "competitions[0].priority" in dialogs[0][2]


def test_a_failed_save_is_shown_with_save_as(window, tmp_path, dialogs):
    """'Season not saved … the folder does not exist; choose an existing folder' had only OK:
    the coach went through the File menu to act on it. Save As… is offered with it now."""
    dialogs.answer = "ok"
    assert not window.save_to(tmp_path / "no such folder" / "x.season.json")
    assert dialogs.kinds() == ["choose"]
    assert dialogs[0][1] == "Season not saved" and "does not exist" in dialogs[0][2]
    assert window.path is None
    dialogs.clear()
    dialogs.answer = "saveas"
    dialogs.files = [str(tmp_path / "x.season.json")]
    assert window.save_to(tmp_path / "no such folder" / "x.season.json")
    assert dialogs.kinds() == ["choose", "save"]
    assert window.path == tmp_path / "x.season.json" and (tmp_path / "x.season.json").is_file()


def test_file_open_of_a_file_cut_short_offers_its_backup(window, tmp_path, dialogs, tiny):
    """The 'not opened' error of a truncated file said its backup could be read, with only OK:
    Open the Backup opens it at once (File ▸ Open, as at start-up)."""
    from planner.seasonfile import save_season

    f = tmp_path / "club.season.json"
    save_season(tiny, f)
    save_season(tiny, f)  # the .bak
    f.write_text(f.read_text()[:200])
    dialogs.answer = "ok"
    assert not window.open_path(f)
    assert dialogs.kinds() == ["choose"] and dialogs[0][1] == "Season not opened"
    assert "\n\nIts backup club.season.json.bak" in dialogs[0][2]
    dialogs.answer = "openbackup"
    assert window.open_path(f)
    assert window.path == f and window.season.name == tiny.name and window.modified


def test_a_season_whose_squad_was_emptied_says_so_and_offers_its_backup(window, tmp_path, dialogs,
                                                                      tiny):
    """"athletes": [] gave 'Season not opened' with one "no athlete has id" line per record and
    no word of the empty squad. It says that first now, the unknown athletes cut short, with
    Open the Backup (the backup reads)."""
    import json

    from planner.seasonfile import save_season

    f = tmp_path / "club.season.json"
    save_season(tiny, f)
    save_season(tiny, f)  # the .bak
    data = json.loads(f.read_text())
    data["athletes"] = []
    data["unavailability"] = [{"athlete": a.id, "start": "2026-03-03", "end": "2026-03-03",
                               "reason": "ill"} for a in tiny.athletes]
    f.write_text(json.dumps(data))
    dialogs.answer = "ok"
    assert not window.open_path(f)
    assert dialogs.kinds() == ["choose"] and dialogs[0][1] == "Season not opened"
    lines = dialogs[0][2].split("\n")
    assert lines[2].endswith("club.season.json: 5 problems (the first 4):")
    assert lines[3].startswith('  - athletes: empty: the file\'s squad has no athlete')
    assert lines[4:8] == ["  - unavailability[0].athlete: no athlete has id 'A1'; use an id from "
                          "the squad", "  - unavailability[1].athlete: no athlete has id 'A2'; use "
                          "an id from the squad", "  - unavailability[2].athlete: no athlete has "
                          "id 'A3'; use an id from the squad", "  ... and 1 more"]
    assert lines[-1].startswith("Its backup club.season.json.bak")
    dialogs.answer = "openbackup"
    assert window.open_path(f)
    assert [a.id for a in window.season.athletes] == [a.id for a in tiny.athletes]


def test_the_backup_opens_as_the_damaged_files_season_not_saved(window, tmp_path, dialogs, tiny):
    """Open the Backup opened NAME.bak itself: a later Ctrl+S wrote to NAME.bak (and its backup
    NAME.bak.bak), and the damaged file stayed the one the coach opens. The backup's season now
    opens for the file asked for, not saved; Ctrl+S puts it in place of the damaged file, whose
    bytes the save keeps as NAME.damaged-DATE-TIME, as the status line says (the .bak, which
    reads, stays)."""
    from planner.seasonfile import load_season, save_season

    f = tmp_path / "club.season.json"
    bak = tmp_path / "club.season.json.bak"
    save_season(tiny.model_copy(update={"name": "Backup FC"}), f)
    save_season(tiny, f)  # the .bak holds Backup FC
    damaged = f.read_bytes()[:200]
    f.write_bytes(damaged)
    dialogs.answer = "openbackup"
    assert window.open_path(f)
    assert window.path == f and window.season.name == "Backup FC"
    assert window.modified and window.windowTitle().startswith("Backup FC — club.season.json* ")
    said = window.statusBar().currentMessage()
    assert said.startswith("Opened the backup of club.season.json (")
    assert said.endswith("Ctrl+S puts it in place of the damaged file, which is then kept as "
                         "club.season.json.damaged-DATE-TIME (club.season.json.bak stays).")
    good = bak.read_bytes()
    window.save_action.trigger()
    assert not window.modified and load_season(f).name == "Backup FC"
    assert bak.read_bytes() == good  # the backup that reads is not replaced by the damaged file
    (aside,) = tmp_path.glob("club.season.json.damaged-*")
    assert aside.read_bytes() == damaged  # said where it went, not lost
    # said whole above the board too, where an export's progress does not cut it (the status
    # line read "…kept as club.season.json.damage… Writing club-plan.xlsx… 0.2 s")
    assert not window.notice.isHidden() and not window.notice.reload_button.isVisibleTo(window.notice)
    assert window.notice.text() == (f"Saved {f}. The file on disk did not read as a season: it is "
                                    f"kept as {aside.name}; club.season.json.bak is still the backup.")
    assert not (tmp_path / "club.season.json.bak.bak").exists()
    assert sorted(p.name for p in tmp_path.glob("club*")) == ["club.season.json",
                                                               "club.season.json.bak", aside.name]


def test_the_next_save_clears_the_notice_of_a_damaged_file_set_aside(window, tmp_path, dialogs, tiny):
    """After a save that set a damaged file aside, the next ordinary save said "Saved …" on the
    status line while the notice above the board still said the file on disk did not read as a
    season: as if that save had met a damaged file again. The next save clears it."""
    from planner import edits as E

    f = tmp_path / "club.season.json"
    save_season(tiny.model_copy(update={"name": "Backup FC"}), f)
    save_season(tiny, f)
    f.write_bytes(f.read_bytes()[:200])
    dialogs.answer = "openbackup"
    assert window.open_path(f)
    window.save_action.trigger()
    assert not window.notice.isHidden() and "did not read as a season" in window.notice.text()
    window.apply_edit(E.SetSeasonSettings(name="Renamed FC"))
    window.save_action.trigger()
    assert not window.modified and load_season(f).name == "Renamed FC"
    assert window.notice.isHidden() or "did not read as a season" not in window.notice.text()


def test_unsaved_changes_are_offered_on_close(qtbot, tiny, dialogs):
    w = MainWindow(tiny.model_copy(update={"plan": hand_plan(tiny)}), None)
    qtbot.addWidget(w)
    w.set_modified(True)
    dialogs.answer = "cancel"
    assert not w.close()
    assert dialogs.kinds() == ["choose"]
    dialogs.answer = "discard"
    assert w.close()


def test_quitting_during_a_solve_asks_about_the_solve_first(qtbot, tiny, dialogs):
    """Ctrl+Q or the window's close button during a solve closed the window at once when
    nothing was unsaved, and the solve was lost without a word. Closing now asks about the
    solve first: Cancel keeps both; Quit and Lose It stops it (and unsaved changes are asked
    about as ever); Wait for It closes the window once the solve has ended, its plan kept and
    the unsaved-changes question asked then. Closing without a solve says no solve."""
    fake = BlockingSolve(plan_on_stop=hand_plan(tiny))
    w = MainWindow(tiny, None, solve_fn=fake)
    qtbot.addWidget(w)
    w.show()
    w.set_modified(True)
    dialogs.answer = "cancel"
    assert not w.close()
    assert dialogs.kinds() == ["choose"] and "solve" not in dialogs[-1][2].lower()
    w.set_modified(False)
    w.solve_action.trigger()
    try:
        assert fake.started.wait(5)
        dialogs.clear()
        w.quit_action.trigger()  # Ctrl+Q
        assert not w.close()  # the window's close button
        assert dialogs.kinds() == ["choose", "choose"]
        for _, title, text in dialogs:
            assert title == "Solve running"
            assert text.startswith("A solve is running (0 s so far). Quit and lose it?")
        assert w.isVisible() and w.is_solving()  # Cancel: the window and its solve go on

        dialogs.clear()  # Quit and Lose It with changes: the unsaved question comes too
        w.set_modified(True)
        dialogs.choices = ["quitsolve", "cancel"]
        assert not w.close()
        assert [d[1] for d in dialogs] == ["Solve running", "Unsaved changes"]
        assert dialogs[1][2] == f"Save the changes to “{tiny.name}” first?"
        assert w.is_solving()
        w.set_modified(False)

        dialogs.clear()  # Wait for It: the solve ends, its plan is taken, then the window asks
        dialogs.choices = ["waitsolve", "cancel"]
        assert not w.close()
        assert w.isVisible() and w.is_solving()
        assert w.statusBar().currentMessage().startswith("The window closes when the solve ends")
        fake.release.set()
        qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=10_000)
        assert [d[1] for d in dialogs] == ["Solve running", "Unsaved changes"]
        assert w.season.plan == hand_plan(tiny) and w.modified  # the plan kept, not saved
        assert w.isVisible()  # Cancel at the unsaved question: the window stays

        dialogs.clear()  # the solve again, and Quit and Lose It with nothing unsaved
        w.set_modified(False)
        fake.release.clear()
        fake.started.clear()
        w.solve_action.trigger()
        assert fake.started.wait(5)
        dialogs.choices = ["quitsolve"]
        assert w.close()
        assert [d[1] for d in dialogs] == ["Solve running"]
        qtbot.waitUntil(lambda: not w.is_solving(), timeout=10_000)  # stopped with the window
    finally:
        fake.release.set()  # a failed assertion leaves no thread running


def test_wait_for_a_solve_that_ended_while_asked_closes_at_once(qtbot, tiny, dialogs):
    """The solve ended while "A solve is running" was open; Wait for It then waited for a
    solve that had already ended, and the window never closed. It closes at once (its plan
    taken: here the same plan as before, so nothing is unsaved and nothing more is asked)."""
    plan = hand_plan(tiny)
    w, fake = solving(qtbot, tiny.model_copy(update={"plan": plan}), plan)
    asked = dialogs.choose

    def ends_while_asked(title, text, answers, default, details=""):
        answer = asked(title, text, answers, default, details)
        fake.release.set()
        qtbot.waitUntil(lambda: not w.is_solving(), timeout=10_000)
        return answer

    dialogs.choose = ends_while_asked
    dialogs.choices = ["waitsolve"]
    try:
        assert w.close()
        assert [d[1] for d in dialogs] == ["Solve running"] and not w.isVisible()
    finally:
        fake.release.set()


def test_the_quit_question_closes_when_the_solve_ends_while_it_is_open(qtbot, tiny, dialogs):
    """The solve ended while the quit question was open: the status bar said "Solved in
    2.4 s" while the question still said "A solve is running (1 s so far). Quit and lose it?"
    and offered Quit and Lose It. The question (the real one, titled "Solve running") closes
    as Wait for It when the solve ends: its plan is taken and the unsaved-changes question
    comes, saying why."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.desktop.interaction import QtInteraction

    plan = hand_plan(tiny)
    w, fake = solving(qtbot, tiny, plan)
    real, asked, shown = QtInteraction(w), dialogs.choose, []

    def on_screen(title, text, answers, default, details=""):
        if not title.endswith("running"):  # the question about the solve: shown for real
            return asked(title, text, answers, default, details)
        dialogs.append(("choose", title, text))
        QTimer.singleShot(200, fake.release.set)  # the solve ends while the question is open
        return real.choose(title, text, answers, default, details)

    def look() -> None:  # what the open question offers; a question left open is cancelled
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.windowTitle(), [b.text().replace("&", "") for b in box.buttons()]))
            if not w.is_solving() and len(shown) > 100:
                box.reject()

    watch = QTimer(w)
    watch.timeout.connect(look)
    watch.start(50)
    dialogs.choose = on_screen
    dialogs.choices = ["cancel"]  # at the unsaved-changes question: the window stays
    try:
        assert not w.close()
    finally:
        watch.stop()
        fake.release.set()
    assert len(dialogs) == 2  # the question closed itself: the unsaved-changes one came
    assert shown and shown[0][0] == "Solve running"
    assert sorted(shown[0][1]) == ["Cancel", "Quit and Lose It", "Wait for It"]
    assert [d[1] for d in dialogs] == ["Solve running", "Unsaved changes"]
    assert dialogs[1][2] == f"The solve has ended.\n\nSave the changes to “{tiny.name}” first?"
    assert w.season.plan == plan and w.modified and w.isVisible() and not w.is_solving()


def test_window_state_and_recent_files_go_to_the_isolated_settings(qtbot, tiny, tmp_path,
                                                                    isolated_settings):
    w = MainWindow(tiny, None)
    qtbot.addWidget(w)
    assert w.save_to(tmp_path / "r.season.json")
    w.recent_menu.aboutToShow.emit()
    names = [a.text() for a in w.recent_menu.actions()]
    assert names == ["r.season.json"]
    assert w.close()
    files = list(isolated_settings.rglob("*.ini"))
    assert files, "settings were not written under tmp_path"
    assert "geometry" in files[0].read_text(encoding="utf-8")


def test_run_app_falls_back_to_the_demo_on_a_bad_file(qtbot, tmp_path, dialogs, monkeypatch):
    from PySide6.QtWidgets import QApplication

    import ui.desktop.app

    shown = []

    def fake_exec(*args):
        qtbot.waitUntil(lambda: len(dialogs) > 0)  # the error is said once the loop runs
        shown.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        for w in shown:
            w.set_modified(False)
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    # a folder that is not there (a new name in an existing folder starts a new season there:
    # tests/ui/test_recovery.py)
    assert ui.desktop.app.run_app(str(tmp_path / "gone" / "missing.season.json")) == 0
    assert dialogs.kinds() == ["error"]
    assert "missing.season.json" in dialogs[0][2] and "demo season" in dialogs[0][2]
    assert any(w.season.name == "Riverside FC 2026/27" and w.path is None for w in shown)


def test_the_window_module_does_not_import_ortools():
    code = ("import sys, ui.desktop.app, ui.desktop.mainwindow, ui.desktop.board, ui.desktop.jobs, "
            "ui.desktop.solving, ui.desktop.scenarios; "
            "assert 'ortools' not in sys.modules, 'ortools imported'; "
            "assert 'pandas' not in sys.modules, 'pandas imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# -- the board ----------------------------------------------------------------------------
def test_the_board_paints_a_season(window, tiny):
    window.set_document(tiny.model_copy(update={"plan": hand_plan(tiny)}), None)
    image = window.board.viewport().grab().toImage()
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 5)}
    assert len(colours) > 5


def test_the_board_without_a_plan_shows_the_calendar(qtbot, tiny):
    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(600, 300)
    board.set_season(tiny)
    empty = board.content_signature()
    image = board.viewport().grab().toImage()
    assert not image.isNull()
    header = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, HEADER_H, 2)}
    assert len(header) > 5  # text, lines and the match marker
    board.set_season(tiny.model_copy(update={"plan": hand_plan(tiny)}))
    assert board.content_signature() != empty
    board.set_season(tiny.model_copy(update={"plan": hand_plan(tiny, level=100)}))
    assert board.content_signature() != empty
    board.set_season(None)
    board.viewport().grab()


def test_cell_at_and_tooltips(qtbot, tiny):
    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(800, 300)
    board.set_season(tiny.model_copy(update={"plan": hand_plan(tiny)}))
    x0 = board._name_w
    # Row 0 is the injured athlete; day 12 is the match (Sat 14 Mar).
    pos = QPoint(x0 + 12 * CELL_W + 3, HEADER_H + 0 * ROW_H + 5)
    assert board.cell_at(pos) == ("A3", D(2026, 3, 14))
    assert board.cell_at(QPoint(x0 + 7 * CELL_W + 2, HEADER_H + 2 * ROW_H + 2)) == ("A2", D(2026, 3, 9))
    assert board.cell_at(QPoint(5, HEADER_H + 5)) is None  # the names column
    assert board.cell_at(QPoint(x0 + 5, 5)) is None  # the header
    assert board.cell_at(QPoint(x0 + 3, HEADER_H + 10 * ROW_H)) is None  # below the last row
    tip = board.tooltip_at(QPoint(x0 + 2 * CELL_W + 3, HEADER_H + 5))
    assert "Cara Mid" in tip and "Wed 4 Mar 2026" in tip and "P2" in tip and "70 %" in tip
    assert "deload" in tip
    tip = board.tooltip_at(QPoint(x0 + 7 * CELL_W + 2, HEADER_H + 2 * ROW_H + 2))
    assert "Unavailable: family" in tip and "MD-5" in tip
    header = board.tooltip_at(QPoint(x0 + 12 * CELL_W + 3, HEADER_H - 5))
    assert "League match" in header and "priority B" in header
    assert "Injury" in board.tooltip_at(QPoint(20, HEADER_H + 5))


def test_the_board_scrolls_a_full_season(qtbot, demo_season):
    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(900, 400)
    board.set_season(demo_season)
    hb, vb = board.horizontalScrollBar(), board.verticalScrollBar()
    assert hb.maximum() > 0 and vb.maximum() > 0
    hb.setValue(hb.maximum())
    vb.setValue(vb.maximum())
    last = board.cell_at(QPoint(board.viewport().width() - 3, board.viewport().height() - 3))
    assert last is not None and last[1] == demo_season.calendar.end


def test_the_board_paints_a_big_squad_fast(qtbot, demo_season):
    """60 athletes x 364 days: a paint covers only the visible cells."""
    start = D(2026, 7, 6)
    athletes = tuple(Athlete(id=f"X{i:02d}", name=f"Player {i}", position="Midfielder")
                     for i in range(60))
    season = Season(name="Big", calendar=Calendar(start=start, end=start + dt.timedelta(days=363)),
                    competitions=demo_season.competitions, athletes=athletes)
    tl = Timeline(season)
    levels = (0, 60, 70, 80, 90, 95, 100)
    plan = Plan(status="manual", team_weeks=tuple("load" for _ in tl.weeks), athletes=tuple(
        AthletePlan(athlete=a.id, stages=tuple("FIT" for _ in range(tl.n)),
                    intensity=tuple(levels[(i + k) % 7] for k in range(tl.n)),
                    weeks=tuple("load" for _ in tl.weeks)) for i, a in enumerate(athletes)))
    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(1400, 800)
    board.set_season(season.model_copy(update={"plan": plan}))
    board.horizontalScrollBar().setValue(board.horizontalScrollBar().maximum() // 2)
    board.verticalScrollBar().setValue(board.verticalScrollBar().maximum() // 2)
    board.viewport().grab()
    # Only the visible cells are painted (speed itself is measured in bench/app.py).
    d0, d1, r0, r1 = board._visible()
    visible = sum(1 for r in range(r0, r1 + 1) for d in range(d0, d1 + 1)
                  if board._rows[r].intensity[d] > 0)
    assert 0 < board.painted_glyphs == visible < 60 * 364 / 4


def test_a_day_without_running_that_holds_a_session_says_which(qtbot, tiny):
    """A starter's recovery day read 'Intensity: none (0)' like a Sunday's rest: the board's
    tooltip names the recovery session, and a rehab stage's session without running."""
    plan = hand_plan(tiny)
    zero = plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"intensity": (0,) + a.intensity[1:]}) for a in plan.athletes)})
    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(800, 300)
    board.set_season(tiny.model_copy(update={"plan": zero}))
    rows = {row.athlete_id: i for i, row in enumerate(board._rows)}
    fit = next(a for a in ("A1", "A2") if zero.for_athlete(a).stages[0] == "FIT")
    assert D(2026, 3, 2).weekday() == 0  # a Monday, a training day
    assert "Intensity: none (0): a recovery session (no running)" in board._cell_tooltip(rows[fit], 0)
    assert zero.for_athlete("A3").stages[0] not in ("FIT", "INJ")
    assert "Intensity: none (0): the rehab session, no running" in board._cell_tooltip(rows["A3"], 0)
    sunday = 6
    assert not board._tl.trains(sunday, True, False)
    # the cell itself: a hollow ring on the recovery day, nothing on a rest day
    assert 0 in board._rows[rows[fit]].recovery and sunday not in board._rows[rows[fit]].recovery
    assert not board._rows[rows["A3"]].recovery  # a rehab day has its stage's colour already
    tip = board._cell_tooltip(rows[fit], sunday)
    assert "Intensity: none (0)" in tip and "session" not in tip.split("Intensity:")[1].split("\n")[0]
