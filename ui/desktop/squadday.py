"""One day across the squad, for the Inspector when a day's header is clicked on the board:
"which players may sprint flat out on Thursday?" took a click on each of 24 cells.

The day, then each level with the athletes planned at it, the athletes in rehab with their
stage, those not training or away, and each caution of the day (a logged pain to check, a return
to full training, a first match back)."""

from __future__ import annotations

import datetime as dt
import html

from planner.caution import caution_notes
from planner.season import Season
from planner.squad import NOT_PLANNED, away_from_squad, plan_row
from planner.text import day_long
from planner.timeline import Timeline

# (heading, the levels it holds), fit athletes, highest first
LEVELS = (("95 % or more", (95, 100)), ("90 %", (90,)), ("80 %", (80,)),
          ("60–70 %, no sprint", (60, 70)))


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def squad_day_groups(season: Season, day: dt.date,
                     returns: dict[str, list] | None = None) -> list[tuple[str, list[str]]]:
    """(heading, lines) in reading order: each level with its athletes' names, "In rehab"
    (name and stage), "Not training" and "Away"; then "Check ⚠", the day's cautions."""
    tl = Timeline(season)
    i = tl.index(day)
    if i is None:
        return []
    by: dict[str, list[str]] = {h: [] for h, _lv in LEVELS}
    rehab, resting, away, unplanned = [], [], [], []
    for a in season.athletes:
        ap = plan_row(season.plan, a.id)
        if i in tl.unavailable(a.id) or away_from_squad(season, a.id, day) is not None:
            away.append(a.name)
            continue
        if ap is None or len(ap.stages) != tl.n:
            unplanned.append(a.name)
            continue
        stage, level = ap.stages[i], ap.intensity[i]
        if stage != "FIT":
            rehab.append(f"{a.name} ({stage}{f', {level} %' if level else ''})")
        elif level <= 0:
            resting.append(a.name)
        else:
            heading = next((h for h, lvs in LEVELS if level >= min(lvs)), LEVELS[-1][0])
            by[heading].append(a.name)
    groups = [(h, names) for h, names in by.items() if names]
    groups += [(heading, names) for heading, names in (("In rehab", rehab),
                                           ("No running (recovery or rest)", resting),
                                           ("Away", away), ("Not planned yet", unplanned))
               if names and (season.plan is not None or heading != "Not planned yet")]
    checks = []
    for a in season.athletes:
        note = caution_notes(season, a.id).get(day) if season.plan is not None else None
        if note:
            checks.append(f"{a.name}: {note}")
        for ret in (returns or {}).get(a.id, ()):
            if ret.back == day:
                checks.append(f"{a.name}: back to full training this day")
            if ret.first_match == day:
                checks.append(f"{a.name}: first match since the injury")
    if checks:
        groups.append(("Check ⚠", checks))
    return groups


def squad_day_html(season: Season, day: dt.date, returns: dict[str, list] | None = None) -> str:
    """The Inspector's page for ``day`` across the squad (:func:`squad_day_groups`)."""
    tl = Timeline(season)
    i = tl.index(day)
    head = f"<h3 style='margin:0'>The squad on {_esc(day_long(day))}</h3>"
    if i is None:
        return head + "<p>This day is outside the season.</p>"
    label = tl.day_label(i)
    bits = [label] if label else []
    bits += [f"{c.name} (priority {c.priority})" for c in tl.comp_on[i]]
    out = [head, f"<p style='margin-top:2px'>{_esc(' · '.join(bits))}</p>" if bits else ""]
    if season.plan is None:
        out.append(f"<p>{_esc(NOT_PLANNED[0].upper() + NOT_PLANNED[1:])}.</p>")
    rows = []
    for heading, lines in squad_day_groups(season, day, returns):
        sep = "<br>" if heading.startswith("Check") else ", "
        rows.append(f"<tr><td valign='top' style='padding-right:8px'><b>{_esc(heading)}</b></td>"
                    f"<td>{sep.join(_esc(x) for x in lines)}</td></tr>")
    out.append("<table cellspacing='2'>" + "".join(rows) + "</table>")
    out.append("<p><small>Click an athlete's cell for the why of their day.</small></p>")
    return "".join(out)
