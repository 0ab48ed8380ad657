"""The Inspector's Week row of an athlete away all week: it read "load" over a week with 0 AU
planned (DL-2 counts the week as a load week, rules-spec v2); now "Away all week (…): nothing
planned; the team's load week"."""

from __future__ import annotations

import html

from planner.timeline import Timeline
from tests.planner.test_why_idle_weeks import _season


def test_the_week_row_of_a_week_away_says_nothing_planned_and_the_team_s_kind():
    from ui.desktop.panels import InspectorPanel

    s, plan = _season()
    s = s.model_copy(update={"plan": plan})
    tl = Timeline(s)
    away = dict(InspectorPanel._plan_rows(s, tl, plan.for_athlete("A2"), 16))["Week"]
    assert html.unescape(away) == ("Away all week (International duty): nothing planned; the "
                                   "team's load week"), away
    assert dict(InspectorPanel._plan_rows(s, tl, plan.for_athlete("A1"), 16))["Week"] == "load"
