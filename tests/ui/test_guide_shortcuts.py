"""docs/guide.md's keyboard table against the menus: every menu action with a shortcut is a row
of it, with that shortcut (the table left out Re-plan from Today, New Week and Import Sessions,
and Ctrl+Shift+I was in no page at all)."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence

from tests.guidetext import ROOT
from tests.ui.test_editors import tiny_window


def _table() -> list[tuple[str, str]]:
    """The (action, shortcut) cells of the guide's table, two pairs a row."""
    lines = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "| action | shortcut | | action | shortcut |")
    pairs = []
    for line in lines[start + 2:]:
        if not line.strip().startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        pairs += [(cells[0], cells[1]), (cells[3], cells[4])]
    return [p for p in pairs if p[0]]


def _words(text: str) -> set[str]:
    return {x.lower() for x in re.findall(r"[\w-]{3,}", text)} - {"the", "from", "and"}


def _menu_actions(window):
    def walk(menu):
        for a in menu.actions():
            if a.menu():
                yield from walk(a.menu())
            elif not a.shortcut().isEmpty():
                yield a
    for top in window.menuBar().actions():
        yield from walk(top.menu())


def test_every_menu_shortcut_is_in_the_guides_keyboard_table(qtbot):
    w = tiny_window(qtbot)
    table = _table()
    actions = list(_menu_actions(w))
    assert len(actions) >= 20  # the menus were read
    missing = []
    for a in actions:
        key = a.shortcut().toString(QKeySequence.SequenceFormat.PortableText).replace("Ctrl+-", "Ctrl+−")
        name = re.sub(r"\s*\(.*\)|…|&", "", a.text())
        words = _words(name)
        token = re.compile(rf"(?<![\w+]){re.escape(key)}(?![\w+])")
        if not any(token.search(cut) and words & _words(act) for act, cut in table):
            missing.append(f"{name} ({key})")
    assert not missing, f"docs/guide.md's keyboard table lacks {', '.join(missing)}"
