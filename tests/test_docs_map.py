"""docs/architecture.md's module map names every module of planner/, solver/ and ui/: a new
contributor scanning its left column did not see text.py, units.py, anonymise.py and squadpaste.py
(indented under squad.py's description), sessionlog.py … nextseason.py (inside history.py's
paragraph) or planner/memo.py (named only in prose further down) as planner modules.

planner/ and solver/ give each module a line of its own, its name first in the left column
under its package (and sub-package) heading. ui/ names each of its modules in its part of the
map, under its sub-package (cli/, desktop/, editors/)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
PACKAGES = ("planner", "solver", "ui")


def _map_lines() -> list[str]:
    """The lines of the map: the first fenced block of docs/architecture.md."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"^```\n(.*?)^```", text, re.S | re.M)
    assert block, "docs/architecture.md has no module map (a ``` block)"
    return block.group(1).splitlines()


def _modules(package: str) -> list[Path]:
    """Every .py module of a package and its sub-packages, relative to the package, __init__
    and __main__ aside (a package's own entry speaks for them)."""
    return sorted(p.relative_to(ROOT / package) for p in (ROOT / package).rglob("*.py")
                  if p.name not in ("__init__.py", "__main__.py") and "__pycache__" not in p.parts)


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """A top-level package's lines of the map, from its heading (`planner/` at column 0) to the
    next line at column 0."""
    out: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line and not line[0].isspace():
            head = line.split()[0].rstrip("/")
            current = head if head in PACKAGES else None
            if current:
                out[current] = []
            continue
        if current:
            out[current].append(line)
    return out


def _left_column(section: list[str]) -> set[str]:
    """The paths a section's left column names (`model/units.py` for `units.py` under
    `  model/`): each line's first word when it is indented by 2 (the package's own entries) or
    4 (a sub-package's)."""
    names: set[str] = set()
    sub = ""
    for line in section:
        m = re.match(r"^( {2}| {4})(\S+)", line)
        if not m:
            continue
        indent, word = len(m.group(1)), m.group(2)
        if indent == 2:
            sub = word if word.endswith("/") else ""
            if not sub:
                names.add(word)
        elif sub:
            names.add(sub + word)
    return names


def test_planner_and_solver_modules_each_have_a_line_of_their_own():
    sections = _sections(_map_lines())
    missing = []
    for package in ("planner", "solver"):
        named = _left_column(sections.get(package, []))
        missing += [f"{package}/{m.as_posix()}" for m in _modules(package)
                    if m.as_posix() not in named and m.parent.as_posix() != "coachform"]
    # planner/coachform/ is one entry, naming each of its modules (below)
    assert not missing, ("give each module a line of its own in docs/architecture.md's map, "
                         "its name first in the left column: " + ", ".join(missing))


def _part(lines: list[str], folder: str) -> list[str]:
    """A sub-package's part of a section: from its heading (`  cli/`) to the next line indented
    as much as the heading or less (`  private_logs.py`, `  desktop/`), not to the section's end,
    where a ui/cli module named only in desktop/'s lines would be found. A folder named within
    a part's prose (editors/ in desktop/'s lines) has no lines of its own: from there to the
    part's end."""
    for i, line in enumerate(lines):
        m = re.match(rf"^( *){re.escape(folder)}/(\s|$)", line)
        if m:
            indent = len(m.group(1))
            end = next((j for j in range(i + 1, len(lines))
                        if lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) <= indent),
                       len(lines))
            return lines[i:end]
    text = "\n".join(lines)
    at = text.find(folder + "/")
    return text[at:].splitlines() if at >= 0 else []


def _unnamed(sections: dict[str, list[str]]) -> list[str]:
    """The modules not named in their (sub-)package's part of the map."""
    missing = []
    for package in PACKAGES:
        for m in _modules(package):
            # the module's own name, in the part of its sub-package: ui/desktop/review.py in
            # desktop/'s lines, ui/cli/progress.py in cli/'s
            part = sections.get(package, [])
            for folder in m.parts[:-1]:
                part = _part(part, folder)
            if not re.search(rf"(?<![\w./]){re.escape(m.name)}\b", "\n".join(part)):
                missing.append(f"{package}/{m.as_posix()}")
    return missing


def test_every_module_is_named_in_its_packages_part_of_the_map():
    missing = _unnamed(_sections(_map_lines()))
    assert not missing, ("name these modules in docs/architecture.md's map, under their "
                         "package: " + ", ".join(missing))


def test_the_map_check_finds_a_module_left_out():
    """The checks above could pass by reading nothing: a map without squad.py's line loses it."""
    lines = _map_lines()
    named = _left_column(_sections(lines)["planner"])
    assert {"squad.py", "history.py", "coachform/"} & named == {"squad.py", "history.py"}
    cut = [line for line in lines if not line.startswith("  squad.py")]
    assert "squad.py" not in _left_column(_sections(cut)["planner"])
    assert "model/core.py" in _left_column(_sections(lines)["solver"])


def test_the_map_check_reads_a_sub_packages_own_lines():
    """A sub-package's part ended at the package's end: ui/cli/progress.py taken out of cli/'s
    lines and named in desktop/'s was still found. Now it is missed, and put back it is found."""
    lines = _map_lines()
    assert "ui/cli/progress.py" not in _unnamed(_sections(lines))
    cli = _part(_sections(lines)["ui"], "cli")
    assert cli and any("progress.py" in line for line in cli)
    assert not any("desktop/" in line or "private_logs.py" in line for line in cli)
    moved = [re.sub(r"(?<![\w./])progress\.py\b", "", line) if line in cli else line
             for line in lines]
    moved = [line.replace("weekpick.py (", "weekpick.py (progress.py: ") for line in moved]
    assert "progress.py" in "\n".join(_part(_sections(moved)["ui"], "desktop"))
    assert "ui/cli/progress.py" in _unnamed(_sections(moved))
    # a module of editors/, named only in prose within desktop/'s lines, is still found there
    assert "ui/desktop/editors/settings.py" not in _unnamed(_sections(lines))
