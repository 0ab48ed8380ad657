"""The desktop app (PySide6): the only package of Periodize that imports Qt.

``ui.desktop.app.run_app(path)`` opens the main window. Background work (the solve, what-if
re-plans) runs through one runner, :mod:`ui.desktop.jobs`; questions and messages to the coach go
through :mod:`ui.desktop.interaction`, so controllers run in tests without message boxes.
"""
