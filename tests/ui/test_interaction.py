"""Questions and messages go through ui/desktop/interaction.py only, so every controller runs in
a test with the fake interaction (tests/ui/conftest.py) and never opens a modal dialog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui.desktop.interaction import QtInteraction, default_interaction, use_interaction

DESKTOP = Path(__file__).resolve().parents[2] / "ui" / "desktop"
DIALOGS = re.compile(r"\b(QMessageBox|QFileDialog|QInputDialog)\b")


def test_only_the_interaction_module_opens_standard_dialogs():
    users = sorted(f.name for f in DESKTOP.rglob("*.py")
                   if f.name != "interaction.py" and DIALOGS.search(f.read_text(encoding="utf-8")))
    assert users == []


def test_windows_get_the_installed_interaction(dialogs):
    assert default_interaction(None) is dialogs  # installed by the conftest for every test
    use_interaction(None)
    try:
        assert isinstance(default_interaction(None), QtInteraction)
    finally:
        use_interaction(dialogs)


@pytest.mark.parametrize("answer, expected", [("yes", True), ("no", False), ("discard", False)])
def test_the_fake_answers_as_scripted(dialogs, answer, expected):
    dialogs.answer = answer
    assert dialogs.confirm("t", "x") is expected
    assert dialogs.choose("t", "x", ("save", "discard", "cancel"), "save") == (
        answer if answer in ("save", "discard", "cancel") else "cancel")


def test_an_error_box_heads_its_text_with_its_title(qtbot):
    """A long title is cut by the window manager on a narrow box ("The re-plan from t…n
    error"): the real box repeats it, in bold, above the text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = {}

    def close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update(title=box.windowTitle(), text=box.text(), more=box.informativeText())
        box.accept()

    QTimer.singleShot(0, close)
    QtInteraction(None).error("The re-plan from today stopped with an error", "Details here.")
    assert seen == {"title": "The re-plan from today stopped with an error",
                    "text": "The re-plan from today stopped with an error", "more": "Details here."}
