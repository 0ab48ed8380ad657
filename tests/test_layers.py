"""The layer rule of design.md section 1: planner imports neither Qt nor OR-Tools, solver never
imports Qt or ui, and heavy modules stay out of the CLI start-up path."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(pkg: str) -> set[str]:
    found = set()
    for f in (ROOT / pkg).rglob("*.py"):
        tree = ast.parse(f.read_text(), str(f))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_planner_imports_neither_qt_nor_ortools_nor_upper_layers():
    assert not _imports("planner") & {"PySide6", "shiboken6", "pyqtgraph", "ortools", "solver", "ui"}


def test_solver_imports_neither_qt_nor_ui():
    assert not _imports("solver") & {"PySide6", "shiboken6", "pyqtgraph", "ui"}


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_importing_planner_and_solving_loads_no_qt():
    mods = _loaded_after(
        "import planner, planner.check, planner.seasonfile, planner.xlsx_export, solver\n"
        "from planner.seasonfile import loads\nfrom templates import path\n"
        "from solver import solve, SolveRequest\n"
        "s = loads(path('demo.season.json').read_text())\n"
        "import solver.model, solver.explain")
    assert not {m for m in mods if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))}


def test_cli_start_up_does_not_load_heavy_modules():
    mods = _loaded_after("import ui.cli\nui.cli.build_parser()")
    heavy = {m for m in mods if m.split(".")[0] in {"PySide6", "ortools", "pandas", "openpyxl", "pyqtgraph"}}
    assert not heavy
