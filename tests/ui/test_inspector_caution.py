"""The Inspector's Check row: what the log asks the coach to check before a planned speed day
(planner.caution), beside the day's session."""

from __future__ import annotations

from planner.caution import caution_notes
from planner.season import Session
from planner.timeline import Timeline
from tests.planner.test_caution import _logged
from tests.planner.test_sessions import _season
from ui.desktop.panels import InspectorPanel


def test_the_inspector_says_the_caution_of_a_speed_day(qtbot):
    """Ben Carter's Wednesday sprints after his pain 5/10 of Friday said nothing in the
    Inspector; Hugo Laurent's first sprints after three days ill neither."""
    tl = Timeline(_season())
    s = _logged(Session(athlete="A1", date=tl.days[4], minutes=45, rpe=4, pain=5),
                *(Session(athlete="A5", date=tl.days[d], minutes=0, rpe=0) for d in (3, 4, 5)))
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    for aid, words in (("A1", "Pain 5/10 logged Fri 8 Jan"), ("A5", "First speed day after 3 days")):
        notes = caution_notes(s, aid)
        when, note = min(notes.items())
        assert words in note
        panel.show_cell(s, aid, when)
        text = panel.toPlainText()
        assert "Check ⚠" in text and note in text, text
        assert text.count(note) == 1, text  # not said again under "Why this day"
        other = next(tl.days[i] for i in range(tl.p0, tl.n) if tl.days[i] not in notes)
        panel.show_cell(s, aid, other)
        assert "Check ⚠" not in panel.toPlainText()
