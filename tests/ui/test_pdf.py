"""The season board as a PDF: landscape A4, one page per month (more for a large squad)."""

from __future__ import annotations

import datetime as dt
import re

from planner.season import Athlete, AthletePlan, Calendar, Plan, Season
from planner.timeline import Timeline
from ui.desktop.pdf import export_board_pdf, months

PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _pages(data: bytes) -> int:
    return len(PAGE.findall(data))


def _with_plan(season: Season) -> Season:
    tl = Timeline(season)
    athletes = []
    for a in season.athletes:
        stage = "P2" if season.injury_of(a.id) else "FIT"
        athletes.append(AthletePlan(athlete=a.id, stages=(stage,) * tl.n,
                                    intensity=tuple(90 if tl.is_training[i] else 0 for i in range(tl.n)),
                                    weeks=("load",) * len(tl.weeks)))
    plan = Plan(status="manual", team_weeks=tuple("deload" if w.index % 4 == 3 else "load"
                                                  for w in tl.weeks), athletes=tuple(athletes))
    return season.model_copy(update={"plan": plan})


def test_one_landscape_page_per_month(qapp, tmp_path, demo_season):
    season = _with_plan(demo_season)
    path = tmp_path / "board.pdf"
    pages = export_board_pdf(season, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert months(season) == [(2026, m) for m in range(8, 13)] + [(2027, m) for m in range(1, 6)]
    assert pages == 10 == _pages(data)
    sizes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert len(sizes) == 10 and all(float(w) > float(h) for w, h in sizes)  # landscape


def test_a_large_squad_gets_more_pages_per_month_and_a_season_without_plan_prints(qapp, tmp_path):
    start = dt.date(2027, 1, 4)
    season = Season(name="Big squad", calendar=Calendar(start=start, end=dt.date(2027, 2, 28)),
                    athletes=tuple(Athlete(id=f"P{i:03d}", name=f"Player {i}") for i in range(100)))
    path = tmp_path / "big.pdf"
    pages = export_board_pdf(_with_plan(season), path, anonymise=True)
    assert pages == 2 * 3 == _pages(path.read_bytes())  # two months, three groups of athletes
    small = season.model_copy(update={"athletes": season.athletes[:10]})
    assert export_board_pdf(small, tmp_path / "unplanned.pdf") == 2
    assert _pages((tmp_path / "unplanned.pdf").read_bytes()) == 2


def test_the_pdf_replaces_a_file_whole_and_refuses_a_missing_folder(qapp, tmp_path, demo_season):
    import os

    import pytest

    from planner.errors import SaveError

    path = tmp_path / "board.pdf"
    path.write_bytes(b"old")
    export_board_pdf(demo_season, path)
    assert path.read_bytes().startswith(b"%PDF")
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    with pytest.raises(SaveError, match="does not exist"):
        export_board_pdf(demo_season, tmp_path / "missing folder" / "board.pdf")
