"""The season board as a PDF: landscape A4, one page per month (more for a large squad); no label
overlaps another at any squad size, weekdays that cannot be read as stages, competitions named, the
full legend, pages filled for a small squad."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planner.season import Athlete, AthletePlan, Calendar, Competition, Plan, Season
from planner.timeline import Timeline
from ui.desktop.pdf import board_labels, export_board_pdf, months

PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
POSITIONS = ("Goalkeeper", "Left wing-back", "Centre-back", "Holding midfielder", "Forward")


def _pages(data: bytes) -> int:
    return len(PAGE.findall(data))


def _with_plan(season: Season) -> Season:
    tl = Timeline(season)
    athletes = []
    for k, a in enumerate(season.athletes):
        stage = "P2" if season.injury_of(a.id) else "FIT"
        stages = (stage,) * tl.n
        if k % 5 == 4:  # stages that change day by day: every code is drawn
            order = ("INJ", "P1", "P2", "P3", "S1", "S2", "S3")
            stages = tuple(order[i % len(order)] for i in range(tl.n))
        athletes.append(AthletePlan(athlete=a.id, stages=stages,
                                    intensity=tuple((60, 70, 80, 90, 95, 100)[i % 6] if tl.is_training[i]
                                                    else 0 for i in range(tl.n)),
                                    weeks=("load",) * len(tl.weeks)))
    plan = Plan(status="manual", team_weeks=tuple("deload" if w.index % 4 == 3 else
                                                  "taper" if w.index % 4 == 2 else "load"
                                                  for w in tl.weeks), athletes=tuple(athletes))
    return season.model_copy(update={"plan": plan})


def _squad(n: int) -> Season:
    start = dt.date(2027, 2, 22)  # the end of a month: a 1-week run and partial weeks
    comps = tuple(Competition(id=f"c{k}", name=f"League match {k} against a long name FC",
                              date=start + dt.timedelta(days=5 + 7 * k), priority="ABC"[k % 3])
                  for k in range(5))
    athletes = tuple(Athlete(id=f"P{i:03d}", name=f"Player number {i} with a long family name",
                             position=POSITIONS[i % len(POSITIONS)]) for i in range(n))
    return _with_plan(Season(name="A season with a rather long name, to see the title keep its room",
                             calendar=Calendar(start=start, end=dt.date(2027, 4, 4)),
                             competitions=comps, athletes=athletes))


def _overlaps(page: list) -> list[tuple[str, str]]:
    """Every two labels that overlap by more than a quarter point each way, as (the text of the
    one drawn first, the other's), in the page's order. Only a box that starts left of another's
    right edge can overlap it: the boxes are met by their left edge and each is held against
    those (the pairs of comparing every two, without a 130-athlete page's millions of them)."""
    page = [(box.normalized(), t) for box, t in page if not t.startswith("band ")]  # under a row's glyphs
    by_left = sorted(range(len(page)), key=lambda k: page[k][0].left())
    pairs = []
    for n, k in enumerate(by_left):
        a = page[k][0]
        for j in by_left[n + 1:]:
            b = page[j][0]
            if b.left() >= a.right():
                break  # this one and every later one start right of a
            i = a.intersected(b)
            if i.width() > 0.25 and i.height() > 0.25:
                pairs.append((min(k, j), max(k, j)))
    return [(page[k][1], page[j][1]) for k, j in sorted(pairs)]


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


@pytest.mark.parametrize("n", [1, 6, 24, 45, 46, 100, 130])
def test_no_label_overlaps_another_at_any_squad_size(qapp, n):
    season = _squad(n)
    pages = board_labels(season)
    per_month = 1 if n <= 45 else -(-n // 45)
    assert len(pages) == len(months(season)) * per_month
    for number, page in enumerate(pages, start=1):
        assert _overlaps(page) == [], (n, number, _overlaps(page)[:5])
        texts = [t for _, t in page]
        # weekdays as two letters over the date: "Sa" never reads as the stage S1..S3
        assert "Sa" in texts and "Su" in texts
        assert not any(re.fullmatch(r"[MTWF]\d{1,2}", t) for t in texts)
        assert {t for t in texts if re.fullmatch(r"S\d+", t)} <= {"S1", "S2", "S3"}  # stage codes only
        for box, _ in page:  # everything on the page
            assert 0 <= box.left() and box.right() <= 842 and 0 <= box.top() and box.bottom() <= 595.5


def test_competitions_are_named_and_the_legend_is_whole(qapp):
    season = _squad(6)
    pages = board_labels(season)
    first = [t for _, t in pages[0]]
    assert "Competitions:" in first
    assert any(t.endswith("League match 0 against a long name FC") for t in first)
    for word in ("INJ", "P1", "S3", "60", "100", "deload", "taper", "no training", "unavailable",
                 "A (taper)", "B", "C", "Priority:", "pain flagged", "calm days"):
        assert word in first, word


def test_a_tournament_days_matches_are_listed_in_the_season_files_order(qapp):
    """A tournament's Sunday entered as quarter-final, semi-final, final: the board's line read
    "Su 13 Winter Cup final · Su 13 Winter Cup quarter-final · Su 13 Winter Cup semi-final" (by
    name) while the workbook and the calendars keep the entered order ("1/3 … quarter-final").
    The line keeps it too, with the calendars' places, and the project's weekday names."""
    from planner.timeline import in_day_places

    season = _squad(4)
    sat, sun = dt.date(2027, 3, 13), dt.date(2027, 3, 14)
    cup = [Competition(id=f"cup{k}", name=f"Winter Cup {name}", date=sun, priority="B")
           for k, name in enumerate(("quarter-final", "semi-final", "final"))]
    group = [Competition(id="grp", name="Winter Cup group v Zeta Town", date=sat, priority="B")]
    season = _with_plan(season.model_copy(update={
        "competitions": (*cup, *season.competitions, *group)}))
    march = next(p for p in board_labels(season) if "Sun 14 1/3 Winter Cup quarter-final" in
                 [t for _, t in p])
    said = [t for _, t in march if "Winter Cup" in t]
    # Saturday's league match comes first in the file: the group match is the second of two
    assert "Sat 13 1/2 League match 2 against a long name FC" in [t for _, t in march]
    assert said == ["Sat 13 2/2 Winter Cup group v Zeta Town", "Sun 14 1/3 Winter Cup quarter-final",
                    "Sun 14 2/3 Winter Cup semi-final", "Sun 14 3/3 Winter Cup final"]
    # the calendars' own order and places (planner.timeline.in_day_places, one for both)
    assert [(place + c.name) for c, place in in_day_places(season.competitions)
            if c.date == sun] == [t.removeprefix("Sun 14 ") for t in said[1:]]
    assert not [t for _, t in march if re.match(r"(Sa|Su) \d", t)]  # "Sat", "Sun" as everywhere


def test_a_small_squad_fills_the_page_and_a_position_is_not_cut(qapp):
    season = _squad(6)
    page = board_labels(season)[1]
    names = [b for b, t in page if t.startswith("Player number")]
    assert len(names) == 6
    rows = sorted(b.center().y() for b in names)
    assert rows[1] - rows[0] >= 40  # rows grow: the grid takes the page, not a quarter of it
    texts = [t for _, t in page]
    assert "Holding midfielder" in texts and "Left wing-back" in texts  # not cut to 3 letters


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

    from planner.errors import SaveError

    path = tmp_path / "board.pdf"
    path.write_bytes(b"old")
    export_board_pdf(demo_season, path)
    assert path.read_bytes().startswith(b"%PDF")
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    with pytest.raises(SaveError, match="does not exist"):
        export_board_pdf(demo_season, tmp_path / "missing folder" / "board.pdf")


def test_the_board_pdf_has_the_rules_v2_letters_where_the_app_board_has_them(qapp):
    """A match's role (S, B, O, R), a compensation session (C) and a flare-up (!) read on paper
    as on the board (planner.daymarks), and the legend says what each letter means."""
    from planner.daymarks import ROLE_LETTER, day_marks
    from tests.exports.demo import solved_demo

    season = solved_demo()  # the demo's 60-second solve, searched once for the file's tests
    marks = day_marks(season)
    pages = board_labels(season)
    texts = [t for page in pages for _, t in page]
    assert any(t.startswith("Letters:") or t == "Letters:" for t in texts)
    roles = {ROLE_LETTER[r] for m in marks.values() for r in m.role.values() if r in ROLE_LETTER}
    assert {"S", "B", "O"} <= roles  # the demo's rotation: starters, substitutes, rested players
    for letter in roles:
        assert letter in texts, letter
    for page in pages:  # a letter never sits on a glyph or a stage code
        assert _overlaps(page) == []


def test_the_board_pdf_shows_each_athletes_own_week_and_draws_every_glyph_of_a_level_alike(qapp):
    """An athlete in rehab on a week's first day has his own week kind (rules-spec.md section 2):
    the app's board marks it with a band at the foot of his row, and the printed board now does
    too. A glyph's size says the intensity, so one in a cell that shows a stage code is no
    smaller than the others."""
    from tests.exports.demo import solved_demo

    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    pages = board_labels(season)
    bands = {t for page in pages for _, t in page if t.startswith("band ")}
    own = {f"band {ap.athlete} W{w + 1} {ap.weeks[w]}" for ap in plan.athletes
           for w in range(len(tl.weeks)) if ap.weeks[w] != plan.team_weeks[w]}
    assert own and bands == own
    assert any(" load" in b for b in bands) and any(" deload" in b for b in bands)
    for page in pages:
        sizes: dict[str, set] = {}
        for box, t in page:
            if t.startswith("glyph "):
                sizes.setdefault(t, set()).add((round(box.width(), 3), round(box.height(), 3)))
        assert sizes and all(len(s) == 1 for s in sizes.values()), sizes


def test_the_board_pdf_marks_today(qapp, tmp_path, demo_season):
    """Mid-season the wall copy showed no line between what happened and the plan, and its
    footer only the export date: the page of today's month draws the line, every footer says it."""
    import shutil
    import subprocess

    season = _with_plan(demo_season)
    season = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": dt.date(2026, 10, 19)})})
    path = tmp_path / "board.pdf"
    export_board_pdf(season, path)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
    assert text.count("today 19 Oct 2026, the orange line") == 10
    # the line, on October's page only (the third), at Mon 19 Oct's left edge
    pages = board_labels(season)
    lines = [k for k, page in enumerate(pages, start=1) for _, t in page if t == "band today"]
    assert lines == [3]


def test_the_board_pdf_draws_a_recovery_session_as_the_app_does(qapp):
    """A fit athlete's training day without running holds a session (the board's hollow ring);
    on paper it was blank, read as a day with nothing. The PDF draws the ring on exactly the
    board's recovery days and its legend says what it is."""
    from tests.exports.demo import solved_demo
    from ui.desktop.board import recovery_days

    season = solved_demo()
    tl = Timeline(season)
    want = set()
    for ap in season.plan.athletes:
        want |= {(ap.athlete, d) for d in recovery_days(tl, ap.stages, ap.intensity, tl.unavailable(ap.athlete))}
    assert want  # the demo's starters recover the day after a match
    # independently of the board's helper: a FIT day at 0 the team trains on, not a day away
    for aid, d in want:
        ap = season.plan.for_athlete(aid)
        assert ap.stages[d] == "FIT" and ap.intensity[d] == 0 and tl.is_training[d]
    pages = board_labels(season)
    rings = [t for page in pages for _, t in page if t == "ring"]
    assert len(rings) == len(want) + len(pages)  # one in each page's legend
    texts = [t for page in pages for _, t in page]
    assert "recovery" in texts
    for page in pages:
        assert _overlaps(page) == []


def test_the_board_pdf_marks_a_logged_pain_as_the_app_does(qapp):
    """A fit player's 6/10 logged before today: the app's board marks the cell with a red
    triangle, the printed board did not (a wall copy lost the pain); the legend says it."""
    from planner import edits as E
    from planner.season import Session
    from tests.exports.demo import solved_demo
    from ui.desktop.pastview import past_marks

    season = solved_demo()
    tl = Timeline(season)
    today = tl.days[30]
    season = E.AdvanceToday(today=today).apply(season)
    sore = tl.days[24]
    season = E.LogSessions(sessions=(
        Session(athlete="A05", date=sore, minutes=75, rpe=6, pain=6),
        Session(athlete="A06", date=sore, minutes=75, rpe=6, pain=2))).apply(season)
    assert past_marks(season).pain == {"A05": frozenset({24})}  # 2/10 is not one to look at
    pages = board_labels(season)
    marks = [(k, box) for k, page in enumerate(pages) for box, t in page if t == "pain"]
    assert len(marks) == 1
    assert any(t == "pain flagged" for _, t in pages[marks[0][0]])


@pytest.mark.parametrize("n", [6, 45, 100])
def test_a_pain_mark_covers_no_code_letter_or_glyph_at_any_squad_size(qapp, n):
    """The triangle sat on stage codes ("P2", "INJ") in a 40-athlete board, and the overlap
    check skipped it: each pain day gets a mark in a free corner of its cell (a thin bar at
    its top when none is free), on no other label."""
    from planner import edits as E
    from planner.season import Session
    from ui.desktop.pastview import past_marks

    season = _squad(n)
    tl = Timeline(season)
    season = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": tl.days[30]})})
    season = E.LogSessions(sessions=tuple(
        Session(athlete=a.id, date=tl.days[k % 30], minutes=75, rpe=6, pain=7)
        for k, a in enumerate(season.athletes))).apply(season)
    want = sum(len(days) for days in past_marks(season).pain.values())
    assert want == n
    pages = board_labels(season)
    assert sum(1 for page in pages for _, t in page if t == "pain") == want
    for page in pages:
        assert _overlaps(page) == []


def test_a_flare_up_that_starts_a_stage_keeps_its_mark_on_paper(qapp):
    """A recorded flare-up mostly starts the stage it sends the athlete back to: the stage code
    took the cell's left half, and the "!" the legend promises was never drawn."""
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "S2", start_day=-3, flare_days=(9,)),),
               today=day(14))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    stages = s.plan.for_athlete("A1").stages
    assert stages[9] != stages[8]  # the flare-up starts the stage it sends A1 back to
    pages = board_labels(s)
    marks = [(box, t) for page in pages for box, t in page if t == "!"]
    assert len(marks) == 1, marks
    code = next(box for page in pages for box, t in page if t == stages[9]
                and abs(box.center().y() - marks[0][0].center().y()) < 1
                and box.right() <= marks[0][0].left() + 0.5)
    assert marks[0][0].left() - code.right() < 1  # right after the code, in the same cell
    for page in pages:  # and on nothing else
        assert _overlaps(page) == []
