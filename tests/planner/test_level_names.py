"""Who played a match is one test everywhere: a FIT athlete's competition day at a level of
``planner.season.PLAYED_LEVELS`` (``PLAY_LEVEL``'s start and bench levels). Written out as
``in (80, 100)`` in six places, a changed bench level would have left the solver's pins, the
history reader, RE-1's facts and the board each with its own idea of who played."""

from __future__ import annotations

import ast
from pathlib import Path

from planner.season import PLAY_LEVEL, PLAYED_LEVELS

ROOT = Path(__file__).resolve().parents[2]


def _literal_play_tests(source: str, where: str) -> list[str]:
    """``where:line`` of each ``x in (80, 100)`` (any order; a tuple, list or set of exactly the
    play levels) in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.In | ast.NotIn) and isinstance(right, ast.Tuple | ast.List | ast.Set) \
                    and all(isinstance(e, ast.Constant) for e in right.elts) \
                    and {e.value for e in right.elts} == set(PLAYED_LEVELS):
                found.append(f"{where}:{node.lineno}")
    return found


def test_no_module_writes_the_play_levels_out():
    files = [p for d in ("planner", "solver", "ui") for p in sorted((ROOT / d).rglob("*.py"))]
    assert len(files) > 50
    found = [x for p in files
             for x in _literal_play_tests(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    assert not found, f"use planner.season.PLAYED_LEVELS: {found}"


def test_the_check_finds_the_levels_written_out_in_any_order():
    source = "def f(it, lv):\n    return it in (100, 80) or lv not in [80, 100] or lv in (80, 90)\n"
    assert _literal_play_tests(source, "x.py") == ["x.py:2", "x.py:2"]
    assert set(PLAYED_LEVELS) == set(PLAY_LEVEL.values()) == {80, 100}
