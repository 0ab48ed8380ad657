"""Desktop-app test setup: settings in tmp_path, and a scripted interaction instead of dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from ui.desktop.interaction import use_interaction


@pytest.fixture(autouse=True)
def isolated_state(tmp_path, monkeypatch):
    """Recovery copies go under tmp_path, never to the coach's state directory."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def clock_outside_every_season(monkeypatch):
    """The computer's date stands at 1 Jan 2000, in no test's season: a window does not show the
    notice of a season's today behind the computer's date on some days a test runs and not on
    others. A test of that notice sets PERIODIZE_CLOCK itself."""
    monkeypatch.setenv("PERIODIZE_CLOCK", "2000-01-01")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Every QSettings() of a test reads and writes an ini file under tmp_path (napari style)."""
    QCoreApplication.setOrganizationName("Periodize")
    QCoreApplication.setApplicationName("Periodize")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path / "settings"
    folder.mkdir()
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


class _Ignored(list):
    """A list that keeps nothing (the errors of a test that expects them)."""

    def append(self, item) -> None:
        pass


class FakeInteraction(list):
    """The coach's side of ``ui.desktop.interaction``, scripted: every question and message is
    recorded as (kind, title, text), kind one of inform, warn, error, about, confirm, choose,
    text, open, save, folder, shown (a file or folder opened in another program: the path).
    ``details``: the details given with an error, a question or a notice (a list its text cuts short), as
    (kind, title, details), in the order said.

    ``answer``: what ``choose`` returns when it is one of the offered answers (otherwise the
    last offered: cancel, no or discard; "discard", the default, also answers Quit and Lose It
    of a window closed while it solves, as closing it did before it asked);
    ``confirm`` is yes only when ``answer`` is "yes".
    ``choices``: the answers of the next ``choose`` questions, in order (before ``answer``).
    ``texts``: the answers of ``ask_text`` in order, ``dates`` those of ``ask_date`` (a day, or
    "offered"; none left: cancelled), ``files``: those of the file and folder
    dialogs (none left: the coach cancels).

    An error said to the coach fails the test at teardown unless the test looked at the record
    after it was said (indexed it, iterated it, compared it, ``kinds()``) or declared it with
    ``expect_error()``: a failure in the background must not pass for a test that only looked
    at the board."""

    def __init__(self):
        super().__init__()
        self.answer = "discard"
        self.texts: list[str] = []
        self.dates: list = []  # the answers of ask_date: a day, or "offered" (OK on the day offered)
        self.offered: list = []  # (the day offered, first, last) of each ask_date
        self.files: list = []
        self.choices: list[str] = []
        self.unseen_errors: list[tuple[str, str, str]] = []
        self.details: list[tuple[str, str, str]] = []
        self.suggested: list[str] = []  # the name each save dialog opened with
        self.folders: list[str] = []  # the folder each open dialog opened in
        self.ask_replace: list[bool] = []  # whether it asked about a file that exists
        self.asked: list = []  # the app's own dialogs shown (ask_dialog), in order
        self.on_dialog = None  # answers them: sets a dialog's fields, True to accept

    def _seen(self) -> None:
        self.unseen_errors.clear()

    def expect_error(self) -> None:
        """The errors said so far, and those said later, are this test's to expect."""
        self._seen()
        self.unseen_errors = _Ignored()

    def kinds(self) -> list[str]:
        self._seen()
        return [c[0] for c in self]

    def __getitem__(self, i):
        self._seen()
        return super().__getitem__(i)

    def __iter__(self):
        self._seen()
        return super().__iter__()

    def __contains__(self, item):
        self._seen()
        return super().__contains__(item)

    def __eq__(self, other):
        self._seen()
        return super().__eq__(other)

    def __ne__(self, other):
        self._seen()
        return super().__ne__(other)

    __hash__ = None

    def inform(self, title, text, details=""):
        self.append(("inform", title, text))
        if details:
            self.details.append(("inform", title, details))

    def warn(self, title, text):
        self.append(("warn", title, text))

    def error(self, title, text, details=""):
        self.append(("error", title, text))
        if details:
            self.details.append(("error", title, details))
        self.unseen_errors.append(("error", title, text))

    def about(self, title, text):
        self.append(("about", title, text))

    def confirm(self, title, text, default=True):
        self.append(("confirm", title, text))
        return self.answer == "yes"

    def choose(self, title, text, answers, default, details=""):
        self.append(("choose", title, text))
        if details:
            self.details.append(("choose", title, details))
        if self.choices:  # scripted answers of the questions to come, in order
            pick = self.choices.pop(0)
            return pick if pick in answers else answers[-1]
        if self.answer == "discard" and "quitsolve" in answers:
            return "quitsolve"  # a window closed while it solves: its solve is discarded
        return self.answer if self.answer in answers else answers[-1]

    def ask_text(self, title, label, text=""):
        self.append(("text", title, label))
        value = self.texts.pop(0).strip() if self.texts else ""
        return value or None

    def ask_date(self, title, label, day, lo, hi):
        self.append(("date", title, label))
        self.offered.append((day, lo, hi))
        value = self.dates.pop(0) if self.dates else None
        return day if value == "offered" else value

    def ask_dialog(self, dialog):
        """The app's own dialog, answered by ``on_dialog(dialog)`` when a test set it (it sets
        the dialog's fields and returns True to accept); otherwise accepted as it opened.
        Recorded in ``asked`` (the dialog), not among the messages."""
        self.asked.append(dialog)
        return self.on_dialog(dialog) if self.on_dialog is not None else True

    def _file(self, kind, title):
        self.append((kind, title, ""))
        return self.files.pop(0) if self.files else None

    def open_file(self, title, folder, filters):
        self.folders.append(folder)
        return self._file("open", title)

    def save_file(self, title, suggestion, filters, selected="", names=None, ask_replace=True):
        self.suggested.append(suggestion)
        self.ask_replace.append(ask_replace)
        path = self._file("save", title)
        if path is None:
            return None
        return path if isinstance(path, tuple) else (str(path), selected)

    def choose_folder(self, title, folder):
        return self._file("folder", title)

    def show_externally(self, path):
        self.append(("shown", "", str(path)))
        return True


@pytest.fixture(autouse=True)
def dialogs() -> FakeInteraction:
    """Every window of a test asks this fake instead of showing a dialog (a modal dialog in an
    offscreen test would wait forever for a click, design.md section 7)."""
    log = FakeInteraction()
    use_interaction(log)
    yield log
    use_interaction(None)
    if log.unseen_errors:
        pytest.fail(f"an error the test did not look at or expect: {log.unseen_errors}", pytrace=False)



def export_ended(qtbot, window):
    """Wait for the window's background export, if one runs: its JobResult (None: none ran)."""
    job = getattr(window, "export_job", None)
    if job is None or not job.is_running():
        return None
    ended: list = []
    job.finished.connect(ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    return ended[0]


@pytest.fixture
def export_now(qtbot):
    """``fileio.export_to`` waited for: True when the file was written. A workbook is written in
    the background (the window's export job), so its end is waited for here."""
    from ui.desktop import fileio

    def run(window, path, kind: str) -> bool:
        if not fileio.export_to(window, path, kind):
            return False
        result = export_ended(qtbot, window)
        return result is None or (result.value is not None and result.value.written)
    return run


@pytest.fixture
def calendars_now(qtbot):
    """``fileio.export_calendars_to`` waited for: True when the calendars were written (they are
    written in the background, by the window's export job)."""
    from ui.desktop import fileio

    def run(window, folder) -> bool:
        if not fileio.export_calendars_to(window, folder):
            return False
        result = export_ended(qtbot, window)
        return result is not None and result.value is not None and result.value.written
    return run


@pytest.fixture
def wait_export(qtbot):
    """Wait for the background export an action started (File ▸ Export…): its JobResult."""
    return lambda window: export_ended(qtbot, window)


def solved(season):
    """``season`` with the plan the solver gives it (a module's planned season: a small one,
    solved in well under the 30 s allowed); solved once per test process for the same season
    (``tests.builders.solved_once``: the suite's time)."""
    from solver import SolveRequest
    from tests.builders import solved_once

    out = solved_once(SolveRequest(season, time_limit=30))
    assert out.plan is not None
    return season.model_copy(update={"plan": out.plan})


@pytest.fixture
def shown_window(qtbot):
    """``shown_window(season, (width, height))``: a main window on ``season`` (no file, no
    autosave) at that size, shown; after the test its background re-plans are stopped and
    waited for (a thread left running would outlive the window)."""
    from ui.desktop.mainwindow import MainWindow

    made = []

    def make(season, size: tuple[int, int]):
        w = MainWindow(season, None, autosave=False)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.whatif.shutdown()
        w.weekly.shutdown()
