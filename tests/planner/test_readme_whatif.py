"""The what-if examples (docs/cli.md, split out of the README) move a competition of the demo
season onto a free day: its "Final a week earlier" put the Cup final on League match 36's day (Sat 1 May 2027), and after
--adopt eleven players were planned to start both matches, 1,520 AU in one day (review 236)."""

from __future__ import annotations

import datetime as dt
import re

from planner.edits import clashes
from planner.seasonfile import loads
from templates import path as template_path
from tests.guidetext import guide_text

MOVE = re.compile(r'--move-competition\s+"([^"]+)"\s+(\d{4}-\d{2}-\d{2})')


def test_the_readme_moves_demo_competitions_onto_free_days():
    demo = loads(template_path("demo.season.json").read_text(encoding="utf-8"), "demo")
    moves = MOVE.findall(guide_text())
    assert moves, "the what-if example (docs/cli.md) moves no competition any more"
    for name, date in moves:
        comp = next((c for c in demo.competitions if c.name == name), None)
        assert comp is not None, f"the demo has no competition {name!r}"
        day = dt.date.fromisoformat(date)
        assert demo.calendar.start <= day <= demo.calendar.end, (name, date)
        others = clashes(demo, comp.id, day)
        assert not others, f"{name} moved to {date}, the day of {[c.name for c in others]}"
