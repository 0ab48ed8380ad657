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
