"""No names or diagnoses in logs (issue 15, privacy): an exception's message is withheld from
every log record once ui.private_logs is installed; its type and frames stay."""

from __future__ import annotations

import io
import logging

import pytest

import ui.private_logs
from planner.errors import InputError
from ui.private_logs import WITHHELD, install


@pytest.fixture
def private(monkeypatch):
    before = logging.getLogRecordFactory()
    monkeypatch.setattr(ui.private_logs, "_installed", False)
    install()
    yield
    logging.setLogRecordFactory(before)


def test_an_exception_message_never_reaches_a_log(private):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    log = logging.getLogger("ui.desktop.jobs")
    log.addHandler(handler)
    name, diagnosis = "Ko" + "fi Mensah", "ilio" + "psoas tendinopathy"  # not in any source line
    try:
        try:
            try:
                raise ValueError(f"{name}: {diagnosis}")
            except ValueError as e:
                raise InputError("team.season.json", [f"athletes[6].name: {name!r}"]) from e
        except InputError:
            log.exception("background work failed")
    finally:
        log.removeHandler(handler)
    text = stream.getvalue()
    assert "background work failed" in text and "Traceback (most recent call last)" in text
    assert "planner.errors.InputError: " + WITHHELD in text and "builtins.ValueError: " + WITHHELD in text
    assert "Kofi" not in text and "iliopsoas" not in text and "test_private_logs.py" in text
