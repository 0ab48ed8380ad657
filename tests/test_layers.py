"""The layer rule of design.md section 1: planner imports neither Qt nor OR-Tools, solver never
imports Qt or ui, and heavy modules stay out of the CLI start-up path."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# calls that import a module named by their first argument
_IMPORT_CALLS = {"import_module", "__import__", "find_spec"}
DYNAMIC = "<dynamic>"  # an import call whose module name is not written in the code


def _called_name(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


def _imports_in(tree: ast.AST) -> set[str]:
    """Top-level names of the modules ``tree`` imports: ``import``, ``from .. import`` (absolute),
    and calls of ``importlib.import_module``, ``__import__`` and ``importlib.util.find_spec``
    (a module name that is not a literal string is recorded as ``DYNAMIC``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and _called_name(node) in _IMPORT_CALLS:
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(DYNAMIC if arg.value.startswith(".") else arg.value.split(".")[0])
            else:
                found.add(DYNAMIC)
    return found


def _imports(pkg: str, root: Path = ROOT) -> set[str]:
    found = set()
    for f in (root / pkg).rglob("*.py"):
        found |= _imports_in(ast.parse(f.read_text(), str(f)))
    return found


PLANNER_MAY_NOT = {"PySide6", "shiboken6", "pyqtgraph", "ortools", "solver", "ui", DYNAMIC}
SOLVER_MAY_NOT = {"PySide6", "shiboken6", "pyqtgraph", "ui", DYNAMIC}


def test_planner_imports_neither_qt_nor_ortools_nor_upper_layers():
    assert not _imports("planner") & PLANNER_MAY_NOT


def test_solver_imports_neither_qt_nor_ui():
    assert not _imports("solver") & SOLVER_MAY_NOT


def test_the_layer_check_sees_every_way_of_importing(tmp_path):
    """Each way a module can be imported, at module level or inside a function, is seen."""
    forms = {
        "plain": "import PySide6.QtCore\n",
        "lazy": "def f():\n    import PySide6.QtCore\n",
        "lazy_from": "def f():\n    from ortools.sat.python import cp_model\n",
        "import_module": "import importlib\ndef f():\n    importlib.import_module('PySide6.QtCore')\n",
        "bare_import_module": "from importlib import import_module\nimport_module('ortools')\n",
        "dunder": "def f():\n    return __import__('ortools')\n",
        "find_spec": "import importlib.util\nimportlib.util.find_spec('pyqtgraph')\n",
        "dynamic": "import importlib\nname = 'Py' + 'Side6'\nimportlib.import_module(name)\n",
    }
    expected = {"plain": "PySide6", "lazy": "PySide6", "lazy_from": "ortools",
                "import_module": "PySide6", "bare_import_module": "ortools", "dunder": "ortools",
                "find_spec": "pyqtgraph", "dynamic": DYNAMIC}
    for name, code in forms.items():
        pkg = tmp_path / name / "planner"
        pkg.mkdir(parents=True)
        (pkg / "sneaky.py").write_text(code)
        found = _imports("planner", root=tmp_path / name)
        assert expected[name] in found & PLANNER_MAY_NOT, (name, found)


def test_importing_every_planner_and_solver_module_loads_no_forbidden_module():
    """Run time, not source: import every module of planner and solver (what their module-level
    code imports, however it imports it)."""
    mods = _loaded_after(
        "import pkgutil, importlib, planner, solver\n"
        "for p in (planner, solver):\n"
        "    for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "        importlib.import_module(m.name)")
    assert {"planner.check", "solver.whatif", "planner.ical"} <= mods  # the walk really imported
    assert not {m for m in mods if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph", "ui"}}


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


# -- no import circle among product modules ------------------------------------------------------
PRODUCT = ("planner", "solver", "ui", "templates")


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(mod: str, node: ast.ImportFrom, is_pkg: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph() -> dict[str, set[str]]:
    """Product module -> the product modules it imports (at any depth of its code, lazily or not).

    ``from pkg import name`` counts as importing ``pkg.name`` when that is a module, else ``pkg``.
    """
    files = {_module_name(f): f for p in PRODUCT for f in (ROOT / p).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, f in files.items():
        tree = ast.parse(f.read_text(encoding="utf-8"), str(f))
        deps: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(mod, node, f.name == "__init__.py")
                names = [f"{target}.{a.name}" if f"{target}.{a.name}" in files else target
                         for a in node.names]
            else:
                continue
            for name in names:
                while name and name not in files:
                    name = name.rpartition(".")[0]
                if name and name != mod:
                    deps.add(name)
        graph[mod] = deps
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _is_package_of(a: str, b: str) -> bool:
    return b.startswith(a + ".")


def test_no_import_circle_among_product_modules():
    """No product module imports a module that imports it back (a package's ``__init__`` that
    re-exports its own submodules is not a circle: the edge from a submodule up to its package
    is left out)."""
    graph = {m: {d for d in deps if not _is_package_of(d, m)} for m, deps in import_graph().items()}
    assert _cycles(graph) == []


def test_the_circle_check_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


# -- readable functions ---------------------------------------------------------------------------
def test_no_product_function_above_complexity_15():
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "C901", "--config",
         "lint.mccabe.max-complexity=15", "--output-format", "concise", *PRODUCT, "bench", "scripts"],
        capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout
