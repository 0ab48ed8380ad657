"""What a coach and a player read names nobody 'he': a women's squad gets the same handouts,
explanations, Plan Check lines and return words as any other, and the same guide (README.md, which
Help ▸ Getting Started shows, and docs/: guide.md, Help ▸ User Guide, and cli.md among them)."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from pathlib import Path

from planner.check import check_plan
from planner.handout import Handouts, day_texts, page_terms
from planner.sessions import max_speed_header
from planner.timeline import Timeline
from planner.why import why_day, why_week
from tests.exports.demo import solved_demo
from tests.guidetext import guide_pages

ROOT = Path(__file__).resolve().parents[2]
GENDERED = re.compile(r"\b(he|him|his|himself)\b", re.IGNORECASE)
# rehab (iliopsoas and hamstring), starters (a midfielder, a forward), a goalkeeper, a bench player
ATHLETES = ("A07", "A14", "A13", "A18", "A01", "A04")


def _strings(value) -> list[str]:
    """Every text a value holds: its own, its dataclass fields', its items' (nested)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for x in value for s in _strings(x)]
    if isinstance(value, dict):
        return [s for x in value.values() for s in _strings(x)]
    return []


def _handout_texts(season) -> list[str]:
    out = []
    for to_player in (True, False):
        h = Handouts(season, season.plan, to_player=to_player)
        for aid in ATHLETES:
            for w in h.weeks(aid):
                out += _strings(w) + [w.title, w.speed_line, w.load_text, page_terms(w),
                                      max_speed_header(w.max_speed)]
                for d in w.days:
                    out += _strings(day_texts(d)) + [d.said, d.deviation, d.logged_summary]
    return out


def _why_texts(season) -> list[str]:
    tl = Timeline(season)
    out = []
    for aid in ATHLETES[:4]:
        out += [why_day(season, season.plan, aid, day).text() for day in tl.days]
    out += [why_week(season, season.plan, aid, tl.days[week.days[0]]).text()
            for aid in ATHLETES[:2] for week in tl.weeks]
    return out


def _plan_check_texts(season) -> list[str]:
    """The checker's soft lines and what the CLI's solve and check print beside them: returns,
    congestion, cold starts, HV-1's runs, pains, max speeds, ladder credits, signings."""
    from ui.cli import commands as c

    plan = season.plan
    report = check_plan(season, plan)
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        c.print_returns(season, plan)
        c.print_hv1_runs(season, plan, "demo.season.json", report.soft)
        c.print_congestion(season)
        c.print_cold_starts(season)
        c.print_speed_after_pain(season, plan)
        c.print_speed_without_max(season, plan)
        c.print_ladder_credit(season, plan)
        c.print_signing_stages(season)
    return [v.message for v in report.soft] + said.getvalue().splitlines()


def test_no_handout_explanation_or_plan_check_line_calls_a_player_he():
    season = solved_demo()
    # one athlete without a max speed: the pages say how to measure it
    unmeasured = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": None}) if a.id == "A13" else a for a in season.athletes)})
    handouts, why, check = (_handout_texts(unmeasured), _why_texts(season),
                            _plan_check_texts(season))
    # each source said something to read: a gather that came back empty would pass anything
    assert len(handouts) > 1000 and len(why) > 1000 and len(check) > 5
    assert any("near-max sprint" in t for t in handouts)
    assert any(t.startswith("Returns:") for t in check)
    found = [t for t in handouts + why + check if GENDERED.search(t)]
    assert found == [], "\n".join(found[:10])


def test_the_guide_and_the_docs_call_nobody_he():
    pages = guide_pages()
    # the README, the guide and the command line moved out of it (docs/guide.md, docs/cli.md),
    # and the pages that explain the rules, the load and the files are all read
    assert {"README.md", "guide.md", "cli.md", "semantics.md", "load.md", "file-format.md"} <= {
        p.name for p in pages}
    found = [f"{page.relative_to(ROOT)}:{n}: {line.strip()}"
             for page in pages
             for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)
             if GENDERED.search(line)]
    assert found == [], f"{len(found)} lines:\n" + "\n".join(found[:20])
