"""Shared test setup: headless Qt, and small helpers to build seasons by hand."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.seasonfile import load_season  # noqa: E402
from templates import path as template_path  # noqa: E402


@pytest.fixture(scope="session")
def demo_season():
    with template_path("demo.season.json").open("r", encoding="utf-8") as f:
        from planner.seasonfile import loads

        return loads(f.read(), "demo.season.json")


__all__ = ["load_season"]
