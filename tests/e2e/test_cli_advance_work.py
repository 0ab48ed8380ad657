"""advance --log works out what the log brings up once: the log is read a first time only for its
sessions (which stage changes happened, whether it adds anything), and its words are printed from
the second reading alone. On a 40-athlete season the first reading built the load flags of the
whole squad and the sessions above the stage for nothing, and the sessions above the stage of the
season before the log once for each of the log's: 6.2 s for a week's log."""

from __future__ import annotations

import shutil

import planner.load
import planner.progress
from templates import path as template_path


def _counted(monkeypatch, module, name: str) -> list:
    """Count the calls of ``module.name`` (looked up at call time by the CLI)."""
    calls: list = []
    real = getattr(module, name)

    def counting(*a, **k):
        calls.append(a)
        return real(*a, **k)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_advance_log_says_what_the_log_brings_up_working_it_out_once(tmp_path, monkeypatch, capsys):
    from ui.cli.main import main

    shutil.copy(template_path("demo.season.json"), tmp_path / "d.season.json")
    flags = _counted(monkeypatch, planner.load, "flag_lines")
    above = _counted(monkeypatch, planner.progress, "above_stage")
    assert main(["advance", str(tmp_path / "d.season.json"), "--today", "2026-12-01", "--log",
                 str(template_path("demo-sessions.csv")), "--no-replan"]) == 0
    out = capsys.readouterr().out
    # the words are there, said once each (the demo's log: three athletes above their stage,
    # and pains that propose flare-ups)
    assert out.count("Above the stage: ") >= 2, out
    assert out.count("Proposed flare-up: ") >= 2, out
    assert out.count("Added 2378 sessions") == 1, out
    # worked out for the printed reading only: the flags once, the days above the stage once for
    # the season before the log and once for the season with it
    assert len(flags) == 1, len(flags)
    assert len(above) == 2, len(above)
