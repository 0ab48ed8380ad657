"""Shared test setup: headless Qt, and small helpers to build seasons by hand."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.seasonfile import load_season  # noqa: E402
from templates import path as template_path  # noqa: E402


def pytest_configure(config):
    """One QApplication for the test process, made before any test: a command the e2e tests run
    in the process (tests/e2e/test_cli.py ``run``) that prints a PDF made a QGuiApplication, and
    a widget test after it in the same process could make no QApplication (Qt aborted the
    interpreter)."""
    from PySide6.QtWidgets import QApplication  # noqa: TID251 - the tests drive the Qt app

    if QApplication.instance() is None:
        config._periodize_qapp = QApplication([])  # kept for the whole run


@pytest.fixture(scope="session")
def demo_season():
    with template_path("demo.season.json").open("r", encoding="utf-8") as f:
        from planner.seasonfile import loads

        return loads(f.read(), "demo.season.json")


@pytest.fixture
def protocol_folder(tmp_path, monkeypatch):
    """The bundled protocols copied to a folder read instead of templates/protocols (a test
    breaks one there); the protocol caches are cleared before and after."""
    import shutil

    import templates
    from planner import protocols

    own = tmp_path / "protocols"
    shutil.copytree(Path(str(templates.path("protocols"))), own)
    real = templates.path
    monkeypatch.setattr(templates, "path", lambda name: own if name == "protocols" else real(name))
    cached = (protocols.available_protocols, protocols.load_protocol)
    for f in cached:
        f.cache_clear()
    yield own
    monkeypatch.undo()
    for f in cached:
        f.cache_clear()


__all__ = ["load_season"]
