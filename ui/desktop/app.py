"""Start the desktop app: ``run_app(path)`` opens the main window on a season file.

Heavy modules (the window, the board, the season loader) are imported inside the functions so
that importing this module stays cheap; OR-Tools is imported only when a solve starts.

At start-up the app follows the system's dark mode (``ui.desktop.theme.follow_system_scheme``),
or the theme chosen in View ▸ Theme (``ui.desktop.thememenu``), and, when an earlier session ended without closing its window (a crash, a power cut), offers the
recovery copy that session autosaved (``ui.desktop.recovery``). Messages go through the window's
interaction (``ui.desktop.interaction``).
"""

from __future__ import annotations

import sys

PREWARM_DELAY_MS = 800


# How long a thread running Python keeps the interpreter lock while another waits for it. A
# solve builds its model in Python in a worker thread; every Qt call the window makes releases
# the lock and must win it back, so painting the board meant waiting Python's default 5 ms many
# times over: the window stood still 60-160 ms while the model was built (1 ms: 20-55 ms).
SWITCH_INTERVAL_S = 0.001


def make_app():
    """The ``QApplication`` (created once), named so that QSettings and paths are Periodize's,
    its style :class:`ui.desktop.theme.SteadyDocks` (the panels placed at once, never slid)."""
    from PySide6.QtWidgets import QApplication

    sys.setswitchinterval(SWITCH_INTERVAL_S)

    from ui.desktop.theme import follow_system_scheme, keep_docks_steady

    app = QApplication.instance()
    made = app is None
    if made:
        app = QApplication(sys.argv[:1])
    keep_docks_steady(app)  # panels placed, not slid: Qt 6 crashed deleting a sliding tab bar
    if made:
        follow_system_scheme(app)
    app.setApplicationName("Periodize")
    app.setOrganizationName("Periodize")
    app.setApplicationDisplayName("Periodize")
    from planner import __version__

    app.setApplicationVersion(__version__)
    if made:  # View ▸ Theme's choice, kept from the last time
        from ui.desktop.thememenu import apply_saved

        apply_saved(app)
    return app


def create_main_window(path: str | None = None, recover: bool = True):
    """Open the main window on ``path`` (or the bundled demo season), shown.

    A file that cannot be opened is explained first in a message box (no traceback), with its
    backup offered when that can be read, and the demo season is shown instead; when the demo
    cannot be opened either (a bundled protocol file it uses does not read), an empty season,
    both problems said in that one message box (the demo's alone when no file was asked for). With
    ``recover``, a recovery copy left by a crashed session is then offered: the file's own copy
    (its unsaved changes replace it; also of a file that could not be opened), or with no file
    any copy. A season file not there yet in a folder that is (:func:`is_new_season_file`)
    opens File ▸ New's dialog on an empty season to be saved there, not the demo.
    """
    from PySide6.QtCore import QTimer

    make_app()
    from planner.errors import PeriodizeError
    from ui.desktop.mainwindow import MainWindow

    season, error, notes = None, None, []
    if path and is_new_season_file(path):  # a new season to be saved there, not "no such file"
        from ui.desktop.editors import empty_season

        window = MainWindow(empty_season(), None)
        _show(window)
        window.start_new_file(path)
        return _shown(window, path, recover)
    if path:
        from planner.seasonfile import load_season

        try:
            season = load_season(path, notes)
        except PeriodizeError as e:
            error = e
    if season is None:
        shown, problem = _demo_or_empty(either=error is not None)
        window = MainWindow(shown, None)
    else:
        window, problem = MainWindow(season, path), None
    _show(window)
    if error is not None:  # said first: the file asked for, before any recovery copy
        if problem is None:  # the demo in its place: its title says so
            window.show_demo_instead_of(path)
        window.say_not_opened(path, error, problem or "Showing the demo season instead.")
    elif problem:  # no file asked for, and the demo did not open
        window.interaction.error("Demo season not opened", problem)
    _shown(window, path, recover)
    if notes:
        QTimer.singleShot(0, window, lambda: window.say_notes(notes))
    return window


def is_new_season_file(path: str) -> bool:
    """Whether ``path`` names a season file not there yet in a folder that is: what a coach who
    types a new name means is a new season saved there (a missing folder or another extension
    stays "no such file": a typing mistake, said)."""
    import os
    from pathlib import Path

    p = Path(path)
    return (p.name.lower().endswith(".season.json") and len(p.name) > len(".season.json")
            and not os.path.lexists(p) and p.parent.is_dir())


def _show(window) -> None:
    """The window shown: maximised on a laptop screen the first time."""
    from PySide6.QtCore import QSettings

    from ui.desktop.layout import needs_maximising

    if QSettings().value("mainWindow/geometry") is None and needs_maximising(window):
        window.showMaximized()  # a laptop screen (1280 x 720): the whole screen, no more
    else:
        window.show()


def _shown(window, path: str | None, recover: bool):
    """After the season or the message in its place: the broken protocols said, a recovery
    copy offered, OR-Tools loaded in the background."""
    from PySide6.QtCore import QTimer

    window.say_broken_protocols()  # a protocol file that does not read: left out, said once
    if recover:
        from pathlib import Path

        from ui.desktop.recovery import offer_recovery, remove_stale_locks

        exclude = {window.autosaver.key} if window.autosaver is not None else set()
        remove_stale_locks(exclude)  # of windows killed before: no copy waits with them
        # a file asked for: only its own copy, also when it could not be opened
        offer_recovery(window, exclude, Path(path) if path else None)
    # Load OR-Tools in the background once the window is up: the first solve starts at once.
    QTimer.singleShot(PREWARM_DELAY_MS, window, window.prewarm_solver)
    return window


def _demo_or_empty(either: bool):
    """The season shown when the file asked for does not open (or none was): the demo season,
    else (a bundled file it needs does not read) File ▸ New's empty season with why the demo is
    not shown, in words (``either``: after the file asked for); None with the demo."""
    from planner.errors import PeriodizeError
    from ui.desktop.editors import empty_season
    from ui.desktop.mainwindow import load_demo_season

    try:
        return load_demo_season(), None
    except (PeriodizeError, OSError) as e:
        season = empty_season()
        return season, (f"The demo season was not opened{' either' if either else ''}:\n{e}\n\nShowing an empty "
                        f"season (“{season.name}”) instead: File ▸ Open opens a season file, "
                        f"File ▸ New starts one.")


def show_unexpected_error(kind, value, tb) -> None:
    """``sys.excepthook`` of the app: an error nobody expected is logged with its traceback
    (stderr) and shown to the coach as one sentence, never as a traceback."""
    import logging

    from ui.desktop.interaction import default_interaction

    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    from planner.errors import error_words

    logging.getLogger("periodize").error("unexpected error", exc_info=(kind, value, tb))
    text = error_words(value)  # a KeyError('A3') alone read "'A3'"
    text = text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
    default_interaction(None).error(
        "Something went wrong",
        f"{text}\n\nThe season is unchanged by this error. Save your work (Ctrl+S); while "
        f"there are unsaved changes a recovery copy is also kept every few seconds.")


def run_app(path: str | None = None) -> int:
    """Open the main window and run the event loop; returns the application's exit code."""
    if no_display():  # Qt would abort the process with its own text (exit 134): said instead
        from planner.errors import PeriodizeError

        raise PeriodizeError(NO_DISPLAY)
    from ui.private_logs import install as private_logs

    private_logs()  # log records keep an exception's type and traceback, not its message
    app = make_app()
    sys.excepthook = show_unexpected_error
    try:
        window = create_main_window(path)
        code = app.exec()
        del window
    finally:
        sys.excepthook = sys.__excepthook__
    return code


NO_DISPLAY = ("no display to open the app on (neither DISPLAY nor WAYLAND_DISPLAY is set): run it "
              "in a desktop session; the command-line commands (periodize solve, export, explain, "
              "whatif, record, advance ...; see periodize --help) work without one")


def no_display(env=None) -> bool:
    """Whether the app has no screen to open on: Linux (or another X11 system) with neither an
    X nor a Wayland display, and no Qt platform chosen. Qt then aborts the process with its own
    text (exit 134) instead of saying so."""
    import os

    env = os.environ if env is None else env
    if sys.platform.startswith(("win", "darwin")) or env.get("QT_QPA_PLATFORM"):
        return False
    return not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")


def _main(argv: list[str]) -> int:
    """``python -m ui.desktop.app [FILE]``: a refusal (no display) said as 'periodize open' says
    it, never as a traceback."""
    from planner.errors import PeriodizeError

    try:
        return run_app(argv[1] if len(argv) > 1 else None)
    except PeriodizeError as e:
        print(f"periodize: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # manual start: python -m ui.desktop.app [FILE]
    raise SystemExit(_main(sys.argv))
