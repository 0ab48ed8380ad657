"""Desktop-app test setup: settings in tmp_path and no modal dialog that could block a test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


@pytest.fixture(autouse=True)
def isolated_state(tmp_path, monkeypatch):
    """Recovery copies go under tmp_path, never to the coach's state directory."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(folder))
    return folder


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


class DialogLog(list):
    """Calls of the static QMessageBox/QFileDialog/QInputDialog functions: (kind, title, text).

    ``answer``: what every question returns; ``texts``: the answers QInputDialog.getText gives,
    in order (none left: the coach cancels)."""

    answer = QMessageBox.StandardButton.Discard

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []

    def kinds(self) -> list[str]:
        return [c[0] for c in self]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> DialogLog:
    """Record message boxes instead of showing them; file dialogs return no file.

    A modal dialog in an offscreen test would wait forever for a click (design.md section 7).
    """
    log = DialogLog()

    def recorder(kind, default):
        def show(parent, title, text, *args, **kwargs):
            log.append((kind, title, text))
            return log.answer if kind == "question" else default
        return show

    ok = QMessageBox.StandardButton.Ok
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind, ok)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(recorder("question", None)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(
        lambda parent, title, text: log.append(("about", title, text))))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))

    def get_text(parent, title, label, *args, **kwargs):
        log.append(("text", title, label))
        return (log.texts.pop(0), True) if log.texts else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return log
