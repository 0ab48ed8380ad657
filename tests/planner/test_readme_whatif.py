"""The README's what-if examples move a competition of the demo season onto a free day: its
"Final a week earlier" put the Cup final on League match 36's day (Sat 1 May 2027), and after
--adopt eleven players were planned to start both matches, 1,520 AU in one day (review 236)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from planner.edits import clashes
from planner.seasonfile import loads
from templates import path as template_path

README = Path(__file__).resolve().parents[2] / "README.md"
MOVE = re.compile(r'--move-competition\s+"([^"]+)"\s+(\d{4}-\d{2}-\d{2})')


def test_the_readme_moves_demo_competitions_onto_free_days():
    demo = loads(template_path("demo.season.json").read_text(encoding="utf-8"), "demo")
    moves = MOVE.findall(README.read_text(encoding="utf-8"))
    assert moves, "the README's what-if example moves no competition any more"
    for name, date in moves:
        comp = next((c for c in demo.competitions if c.name == name), None)
        assert comp is not None, f"the demo has no competition {name!r}"
        day = dt.date.fromisoformat(date)
        assert demo.calendar.start <= day <= demo.calendar.end, (name, date)
        others = clashes(demo, comp.id, day)
        assert not others, f"{name} moved to {date}, the day of {[c.name for c in others]}"
