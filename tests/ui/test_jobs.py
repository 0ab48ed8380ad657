"""The job runner itself (ui/desktop/jobs.py): progress, cancel, the stale-result guard, failure,
shutdown and the typed result, with plain work functions (no solver) and the fake interaction."""

from __future__ import annotations

import threading
import time
from dataclasses import FrozenInstanceError, dataclass

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

from planner import edits as E
from planner.errors import NOT_ENOUGH_MEMORY, InputError
from tests.ui.test_app import tiny_season
from ui.desktop import jobs
from ui.desktop.document import Document
from ui.desktop.jobs import BackgroundJob, JobResult, JobWords

WORDS = JobWords(progress_name="Test progress", cancel_tip="Stop the test work",
                 failed="The test work stopped with an error", stopping="Stopping the test work…")
WAIT = 10_000  # ms; every run below ends as soon as it is released or stopped


@dataclass(frozen=True)
class Answer:
    steps: int
    stopped: bool


@pytest.fixture
def window(qtbot, dialogs):
    w = QMainWindow()
    w.document = Document(tiny_season(), None, w)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def job(window, dialogs):
    j = BackgroundJob(window, WORDS, interaction=dialogs, detail=lambda p: f" · step {p}")
    yield j
    j.shutdown(WAIT)


def held(release: threading.Event, steps: int = 3):
    """Work that reports ``steps`` steps, then waits until released or stopped."""
    def work(report, stop) -> Answer:
        for k in range(1, steps + 1):
            report(k)
        while not (release.is_set() or stop.is_set()):
            release.wait(0.01)
        return Answer(steps, stop.is_set())

    return work


def until_stopped(started: threading.Event):
    def work(report, stop) -> Answer:
        started.set()
        n = 0
        while not stop.is_set():  # tiny steps, each reported: only a cancel ends it
            n += 1
            report(n)
            time.sleep(0.005)
        return Answer(n, True)

    return work


def test_progress_and_a_typed_result(qtbot, window, job, monkeypatch):
    clock = [100.0]  # the job's clock, moved by hand: its result says how long it ran
    monkeypatch.setattr(jobs, "time", type("Clock", (), {"monotonic": staticmethod(lambda: clock[0])}))
    release = threading.Event()
    reports = []
    job.progress.connect(reports.append)
    assert job.start(held(release), label="Working…", limit=5)
    assert job.is_running() and job.cancel_button.isVisible() and job.progress_bar.isVisible()
    assert job.progress_bar.accessibleName() == "Test progress"
    assert job.progress_bar.maximum() == 50  # tenths of a second
    qtbot.waitUntil(lambda: reports == [1, 2, 3], timeout=WAIT)
    assert job.progress_label.text().startswith("Working… ")
    assert job.progress_label.text().endswith(" · step 3")
    assert not job.start(held(release), label="Again", limit=5)  # one run at a time
    clock[0] = 102.5
    with qtbot.waitSignal(job.finished, timeout=WAIT) as done:
        release.set()
    result = done.args[0]
    assert isinstance(result, JobResult) and result.value == Answer(3, False)
    assert not (result.failed or result.cancelled or result.stale or result.replaced)
    assert result.seconds == 2.5
    with pytest.raises(FrozenInstanceError):
        result.value = None  # type: ignore[misc]
    assert not job.is_running() and not job.cancel_button.isVisible()
    assert not job.progress_label.isVisible()


def test_a_quiet_job_puts_nothing_in_the_status_bar(qtbot, window, dialogs):
    """The plan check after each edit (checkrun.py): no label, bar or Cancel button flashing
    in the status bar at every keystroke; its result comes as any job's."""
    quiet = BackgroundJob(window, WORDS, interaction=dialogs, quiet=True)
    bar = window.statusBar()
    before = bar.findChildren(QWidget)
    release = threading.Event()
    assert quiet.start(held(release), label="Checking…", limit=1)
    assert bar.findChildren(QWidget) == before
    assert not any(w.isVisible() for w in (quiet.progress_label, quiet.progress_bar,
                                           quiet.cancel_button))
    with qtbot.waitSignal(quiet.finished, timeout=WAIT) as done:
        release.set()
    assert done.args[0].value == Answer(3, False)
    quiet.shutdown(WAIT)


def test_cancel_stops_long_work_and_says_so(qtbot, window, job):
    started = threading.Event()
    job.start(until_stopped(started), label="Working…", limit=5)
    assert started.wait(5)
    qtbot.waitUntil(lambda: job.last_progress is not None, timeout=WAIT)
    with qtbot.waitSignal(job.finished, timeout=WAIT) as done:
        job.cancel_button.click()
        assert job.progress_label.text() == "Stopping…" and not job.cancel_button.isEnabled()
        assert window.statusBar().currentMessage() == "Stopping the test work…"
    result = done.args[0]
    assert result.cancelled and job.stop.is_set()
    assert result.value.stopped and result.value.steps >= 1  # the work saw the stop and returned
    assert not result.failed


def test_a_result_for_a_changed_document_comes_back_stale(qtbot, window, job):
    release = threading.Event()
    job.start(held(release), label="Working…", limit=5, basis=lambda: window.document.season)
    window.document.apply(E.SetSeasonSettings(name="Changed FC"))  # the coach keeps working
    with qtbot.waitSignal(job.finished, timeout=WAIT) as done:
        release.set()
    result = done.args[0]
    assert result.stale and not result.replaced
    assert result.value == Answer(3, False)  # offered to the caller, not dropped
    # Undone and redone while it runs: the season is the one it started from, not stale.
    release2 = threading.Event()
    job.start(held(release2), label="Working…", limit=5, basis=lambda: window.document.season)
    window.document.undo_stack.undo()
    window.document.undo_stack.redo()
    with qtbot.waitSignal(job.finished, timeout=WAIT) as done:
        release2.set()
    assert not done.args[0].stale


def test_another_document_stops_the_work_and_its_result_comes_back_replaced(qtbot, window, job):
    release = threading.Event()
    job.start(held(release), label="Working…", limit=5, basis=lambda: window.document.season)
    with qtbot.waitSignal(job.finished, timeout=WAIT) as done:
        window.document.replace(tiny_season().model_copy(update={"name": "Other FC"}), None)
    result = done.args[0]
    assert result.replaced and not result.stale
    assert job.stop.is_set() and result.value.stopped


@pytest.mark.parametrize("error, words", [
    (InputError("", ["the model could not be built"]), "the model could not be built"),
    (KeyError("A3"), "unexpected error (KeyError): 'A3'; this is a fault in Periodize, not in "
                     "your files"),
    (MemoryError(), NOT_ENOUGH_MEMORY),
])
def test_a_failure_is_one_sentence_for_the_coach(qtbot, window, job, dialogs, error, words,
                                                 caplog):
    """Periodize's own words for an error it expects; for a fault, its kind and whose fault it
    is (a KeyError('A3') alone read "'A3'"). Only a fault is logged with its traceback: a season
    refused as bad input printed "background work failed / Traceback … InputError" on the
    terminal the app was started from (review 280)."""
    def broken(report, stop):
        raise error

    with caplog.at_level("DEBUG", logger="ui.desktop.jobs"), \
            qtbot.waitSignal(job.finished, timeout=WAIT) as done:
        job.start(broken, label="Working…", limit=5)
    logged = [(r.getMessage(), bool(r.exc_info or r.exc_text)) for r in caplog.records
              if r.name == "ui.desktop.jobs"]
    assert logged == ([] if isinstance(error, InputError)
                      else [("background work failed", True)])
    result = done.args[0]
    assert result.failed and result.value is None
    assert result.error == words
    # a short title (a small box's title bar cut the long one), the whole sentence in the text;
    # input refused (Periodize's own error) is said in its own words, not as a stop with an error
    if isinstance(error, InputError):
        assert dialogs == [("error", "Not planned", words)]
        assert window.statusBar().currentMessage() == "Not planned: the season is as it was."
    else:
        assert dialogs == [("error", "Stopped with an error", f"{WORDS.failed}: {words}")]
        assert window.statusBar().currentMessage() == WORDS.failed + "."
    assert not job.is_running() and not job.cancel_button.isVisible()


def test_shutdown_keeps_a_thread_that_does_not_stop_in_time(qtbot, window, job):
    stubborn = threading.Event()

    def ignores_stop(report, stop) -> Answer:
        stubborn.wait(30)  # does not poll the stop flag
        return Answer(0, stop.is_set())

    delivered = []
    job.finished.connect(delivered.append)
    job.start(ignores_stop, label="Working…", limit=5)
    assert not job.shutdown(50)
    assert job.stop.is_set() and not job.is_running()
    assert len(jobs.orphans()) == 1  # kept: Qt must not destroy a running thread
    stubborn.set()
    qtbot.waitUntil(lambda: jobs.orphans() == [], timeout=WAIT)
    qtbot.wait(50)
    assert delivered == []  # a result after shutdown goes nowhere
