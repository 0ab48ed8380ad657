"""The workbook printed: every sheet rendered through LibreOffice headless (as a coach would print
it), page counts of the solved demo within the bounds docs/file-format.md states, the chart on
each athlete's page 1, each week on its own page saying what the handout says.

Skipped, with the reason, where LibreOffice (``soffice``) or poppler's ``pdftotext`` is missing:
``apt-get install libreoffice-calc-nogui poppler-utils``.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess

import pytest

from planner.handout import handout_weeks
from planner.text import day_long
from planner.timeline import Timeline
from planner.xlsx_export import export_workbook, print_count
from tests.exports.demo import solved_demo

pytestmark = [
    pytest.mark.skipif(shutil.which("soffice") is None,
                       reason="LibreOffice (soffice) is not installed: apt-get install "
                              "libreoffice-calc-nogui"),
    pytest.mark.skipif(shutil.which("pdftotext") is None,
                       reason="pdftotext is not installed: apt-get install poppler-utils"),
]


def _print(path, tmp) -> tuple[list[str], list[str]]:
    """The workbook printed to PDF by LibreOffice; the text of each page, laid out and in reading
    order (a wrapped cell's lines together)."""
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp), str(path)], check=True, timeout=600,
                   capture_output=True)
    pdf = path.with_suffix(".pdf")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    texts = []
    for mode in (["-layout"], []):
        out = subprocess.run(["pdftotext", *mode, str(pdf), "-"], check=True, timeout=300,
                             capture_output=True).stdout.decode("utf-8")
        texts.append(out.split("\f")[:-1])
    return texts[0], texts[1]


def _sheet_of(page: str, labels: dict[str, str]) -> str:
    """The sheet a page belongs to, by the label in its page header (the top right)."""
    head = page.strip().split("\n", 1)[0]
    return next((sheet for label, sheet in labels.items() if head.rstrip().endswith(label)), "?")


@pytest.fixture(scope="module")
def printed_pdf(tmp_path_factory):
    """The demo's whole-season workbook printed: the season, the PDF, each page's text, each
    page's sheet and each page's text in reading order."""
    tmp = tmp_path_factory.mktemp("print")
    season = solved_demo()
    path = tmp / "demo.xlsx"
    export_workbook(season, season.plan, path)
    pages, reading = _print(path, tmp)
    labels = {"Cover": "Cover", "Overview": "Overview", "Returns": "Returns", "Calendar": "Calendar",
              "pages side by side, up to 12 athletes each": "Calendar",  # a month two pages wide
              "Rules: this season's values and the evidence": "Rules",
              "Training load: planned and logged, per athlete and week": "Load",
              "Season review: per athlete": "Season review",
              "Speed days (≥ 80 % of max speed) per athlete and week": "Speed days"}
    for a in season.athletes:
        labels[f"{a.name} ({a.id})" + (f", {a.position}" if a.position else "")] = a.id
    return season, path.with_suffix(".pdf"), pages, [_sheet_of(p, labels) for p in pages], reading


@pytest.fixture(scope="module")
def printed(printed_pdf):
    season, _pdf, pages, sheets, reading = printed_pdf
    return season, pages, sheets, reading


def test_a_fortnights_workbook_says_about_as_many_pages_as_it_prints(tmp_path):
    """Two weeks of the demo printed 86 pages while the Cover said "about 116": the Load sheet's
    pages were counted for the whole season, though it holds the weeks printed alone."""
    season = solved_demo()
    path = tmp_path / "fortnight.xlsx"
    export_workbook(season, season.plan, path, weeks=[11, 12])
    pages, reading = _print(path, tmp_path)
    about = re.search(r"the whole\s+workbook\s+makes\s+about\s+([\d,]+)\s+pages", " ".join(reading))
    assert about and abs(int(about[1].replace(",", "")) - len(pages)) <= 0.05 * len(pages), \
        (about and about[1], len(pages))
    # File ▸ Export… says the same count before the workbook is written (a coach printed the
    # whole season, 275 pages, with no word of it)
    count = print_count(season, season.plan, [11, 12])
    assert count.pages == int(about[1].replace(",", ""))
    assert abs(count.pages - len(pages)) <= 0.05 * len(pages), (count.pages, len(pages))


def test_a_one_weeks_calendar_prints_its_type_at_8_pt_or_more(tmp_path):
    """A week's Calendar printed the squad at about 6 pt in the top third of one A4 page (the
    scale was the width's, 25 athletes wide): now its athletes go over pages wide, each day's
    date at 8 pt or more, and the pages are as many as the workbook's column breaks say."""
    import openpyxl

    season = solved_demo()
    path = tmp_path / "week.xlsx"
    export_workbook(season, season.plan, path, weeks=[11])
    pages, _reading = _print(path, tmp_path)
    calendar = [k for k, p in enumerate(pages) if "Calendar, week 12" in p.strip().split("\n", 1)[0]]
    breaks = openpyxl.load_workbook(path)["Calendar"].col_breaks.brk
    assert len(calendar) == len(breaks) + 1 >= 2, (len(calendar), len(breaks))
    tl = Timeline(season)
    dates = {day_long(tl.days[i]).split()[0] for i in tl.weeks[11].days}  # "Mon", "Tue" ...
    for k in calendar:
        box = subprocess.run(["pdftotext", "-f", str(k + 1), "-l", str(k + 1), "-bbox",
                              str(path.with_suffix(".pdf")), "-"], check=True, timeout=300,
                             capture_output=True).stdout.decode("utf-8")
        tall = [float(m[2]) - float(m[1]) for m in re.finditer(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(\w+)<', box) if m[3] in dates]
        # a glyph box is some 1.15 em tall: 8 pt type, 9.2 pt (it was 7.2 at 6 pt)
        assert len(tall) >= 7 and min(tall) >= 8 * 1.1, (k, tall)


def test_the_seasons_calendar_prints_its_months_type_at_8_pt_or_more(printed_pdf):
    """The whole season's Calendar printed at 63 % (its 9 pt type at about 6 pt; a date's glyph
    box 7.4 pt tall) with its left columns a third of the page: every month's page now prints
    its dates at 8 pt or more, each month's pages one after the other."""
    season, pdf, pages, sheets, _reading = printed_pdf
    tl = Timeline(season)
    calendar = [k for k, s in enumerate(sheets) if s == "Calendar"]
    assert len(calendar) >= 2
    firsts = []
    for k in calendar:
        box = subprocess.run(["pdftotext", "-f", str(k + 1), "-l", str(k + 1), "-bbox", str(pdf),
                              "-"], check=True, timeout=300, capture_output=True).stdout.decode("utf-8")
        tall = [float(m[2]) - float(m[1]) for m in re.finditer(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(Mon|Tue|Wed|Thu|Fri|Sat|Sun)<', box)]
        # a glyph box is some 1.15 em tall: 8 pt type, 9.2 pt (it was 7.4 at 63 %)
        assert len(tall) >= 7 and min(tall) >= 8 * 1.1, (k, min(tall, default=0))
        firsts.append(re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d+ \w{3} \d{4})", pages[k])[2])
    # the month's pages side by side in the print: the same first day twice, then the next month
    assert firsts[0] == firsts[1] != firsts[2], firsts[:3]
    assert len(set(firsts)) == len({(d.year, d.month) for d in tl.days})


def test_every_sheet_prints_and_the_page_counts_are_within_their_bounds(printed):
    season, pages, sheets, reading = printed
    tl = Timeline(season)
    count = {s: sheets.count(s) for s in set(sheets)}
    assert "?" not in count, [p[:200] for p, s in zip(pages, sheets, strict=True) if s == "?"][:2]
    months = len({(d.year, d.month) for d in tl.days})
    # the bounds docs/file-format.md states
    # the Cover as wide as the page (fitted to one, 6.5-point type): the demo's on two
    assert 1 <= count["Cover"] <= 2 and count["Returns"] == 1
    assert 2 <= count["Overview"] <= 4  # the weeks in two parts side by side, the legend
    # a month a page tall, its athletes over pages wide at 8 pt or more (the demo's 24: two)
    assert count["Calendar"] == months * 2
    assert 1 <= count["Rules"] <= 6  # LD-1 brought the load table's settings
    assert 1 <= count["Speed days"] <= 3
    rows = len(season.athletes) * len(tl.weeks)  # athlete-weeks (the demo logs no pre-season)
    assert 2 <= count["Load"] <= 1 + math.ceil(rows / 30)  # the charts, then 30+ rows a page
    # the table, the columns defined under it side by side (on a page of their own when not whole)
    assert 1 <= count["Season review"] <= 2
    for a in season.athletes:  # page 1, then a page per week
        assert count[a.id] == 1 + len(tl.weeks), a.id
    assert len(pages) == count["Cover"] + count["Returns"] + count["Overview"] + count["Calendar"] + count["Rules"] + count["Speed days"] + \
        count["Load"] + count["Season review"] + len(season.athletes) * (1 + len(tl.weeks))
    assert all(season.name in p.strip().split("\n", 1)[0] for p in pages)  # the header names it
    # the Cover's "Printing the whole workbook makes about N pages" is within 2 % of what prints
    about = re.search(r"the whole\s+workbook\s+makes\s+about\s+([\d,]+)\s+pages", " ".join(reading))
    assert about and abs(int(about[1].replace(",", "")) - len(pages)) <= 0.02 * len(pages), \
        (about and about[1], len(pages))


def test_the_load_charts_print_on_the_load_sheets_first_page(printed):
    season, pages, sheets, reading = printed
    first = _flat(reading[sheets.index("Load")])
    assert "Squad mean load per athlete and week (AU)" in first, first  # not one athlete's
    assert ("planned and logged over the same athletes: those with the squad and not away all "
            "that week who logged it") in first
    assert "Squad median ACWR and EWMA ratio" in first
    second = _flat(reading[sheets.index("Load") + 1])
    assert "Athlete" in second and "Monotony" in second and "Flags" in second
    assert f"({season.athletes[0].id})" in second or any(f"({a.id})" in second for a in season.athletes)


def test_the_chart_prints_on_each_athletes_first_page(printed):
    season, pages, sheets, reading = printed
    for a in season.athletes:
        first = pages[sheets.index(a.id)]
        assert "Speed days per week" in first, a.id  # the chart's title: inside the print area
        assert f"{a.name} ({a.id})" in first


def _flat(text: str) -> str:
    return " ".join(text.split())


def _has_words(page: str, words: str) -> bool:
    """Every word of ``words`` is printed on the page (a wrapped cell's lines may interleave with
    its neighbours' in the PDF's reading order)."""
    from collections import Counter

    need, got = Counter(words.split()), Counter(page.split())
    return all(got[w] >= n for w, n in need.items())


def test_a_printed_week_says_what_the_handout_says(printed):
    season, pages, sheets, reading = printed
    for aid in ("A07", "A05"):
        weeks = handout_weeks(season, season.plan, [aid])
        start = sheets.index(aid) + 1
        for k in (0, 9, 30):
            page = _flat(reading[start + k])
            w = weeks[k]
            assert _flat(f"{w.who} · {w.title}") in page
            for d in w.days:
                assert _flat(d.day) in page
                assert _has_words(page, d.session.summary), (aid, k, d.session.summary)


def test_the_covers_first_page_and_the_overview_print_as_the_cover_says(printed):
    season, pages, sheets, reading = printed
    cover = _flat(pages[sheets.index("Cover")])
    assert "3 injured athletes this season" in cover and "Words every sheet uses" in cover
    said = re.search(r"the season at a glance \((\d+) pages? printed\)", " ".join(reading))
    assert said and sheets.count("Overview") == int(said[1])
    overview = " ".join(_flat(p) for p, s in zip(pages, sheets, strict=True) if s == "Overview")
    assert "Cup final (A)" in overview and "Legend" in overview
    assert re.search(r"back \d+ \w{3}", overview)


def test_the_overview_prints_its_names_at_a_readable_size(printed_pdf):
    """A coach with poor eyesight printed the Overview, "the season on one page": its names and
    counts printed at 5-6 points, its matches' names at 4. Now its weeks print in parts side by
    side, each athlete's name beside each part: every name on every Overview page prints at 7.5
    points or more (the size read off the printed word's width, Arial's advance widths)."""
    from planner.xlsx_layout import text_width

    season, pdf, _pages, sheets, _reading = printed_pdf
    first = [a.name.split()[0] for a in season.athletes]
    seen = {}
    for page, sheet in enumerate(sheets, start=1):
        if sheet != "Overview":
            continue
        out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                             check=True, timeout=60, capture_output=True).stdout.decode("utf-8")
        for x0, x1, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                                       r'yMax="[\d.]+">([^<]+)</word>', out):
            if word in first:
                seen.setdefault(page, []).append(
                    (word, (float(x1) - float(x0)) / text_width(word, 1.0)))
    # both parts of the season name every athlete (the legend names those in rehab today)
    assert sum(1 for words in seen.values() if len(words) >= len(season.athletes)) == 2
    for page, words in seen.items():
        small = [(w, round(pt, 1)) for w, pt in words if pt < 7.5]
        assert not small, (page, small[:5])


GERMAN_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>de-DE</value></prop></item>
</oor:items>
"""
GERMAN_DATE = re.compile(r"\b(Mo|Di|Mi|Do|Fr|Sa|So) \d{1,2} (Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|"
                         r"Okt|Nov|Dez)\b")
ENGLISH_DATE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|"
                          r"Aug|Sep|Oct|Nov|Dec) \d{4}\b")


def test_a_workbook_printed_on_a_german_computer_says_its_dates_in_english(tmp_path):
    """A German coach printed the workbook through LibreOffice: the date cells read "Mo 1 Mär
    2027", "Sa 8 Mai 2027" beside text cells "Sat 8 May" on the same page. Printed with a German
    LibreOffice profile, the dates are English, like every other word; a date format without
    the workbook's locale, printed alongside, shows the profile is German."""
    import datetime as dt

    import openpyxl

    season = solved_demo()
    path = tmp_path / "plan.xlsx"
    export_workbook(season, season.plan, path, weeks=[0])
    control = tmp_path / "control.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["A1"].number_format = dt.date(2027, 5, 8), "ddd d mmm yyyy"
    wb.active.column_dimensions["A"].width = 30
    wb.save(control)
    (tmp_path / "lo-de" / "user").mkdir(parents=True)
    (tmp_path / "lo-de" / "user" / "registrymodifications.xcu").write_text(GERMAN_PROFILE,
                                                                            encoding="utf-8")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-de').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path),
                    str(control)], check=True, timeout=600, capture_output=True)
    texts = {p.stem: subprocess.run(["pdftotext", str(p.with_suffix(".pdf")), "-"], check=True,
                                    timeout=300, capture_output=True).stdout.decode("utf-8")
             for p in (path, control)}
    assert "Sa 8 Mai 2027" in texts["control"], texts["control"]  # the profile is German
    assert GERMAN_DATE.findall(texts["plan"]) == []
    # the Calendar's days of the week printed (date cells), in English
    shown = {m.group(0) for m in ENGLISH_DATE.finditer(texts["plan"])}
    tl = Timeline(season)
    assert {day_long(tl.days[i]) for i in tl.weeks[0].days} <= shown, sorted(shown)


def test_the_coach_workbook_prints_its_headings_whole_with_the_season_on_each_page(tmp_path):
    """The coach workbook (export --template) printed "Top speed m/" and "Minutes playe" as
    headings, and no page said the season's name or its number. Printed now, each page's
    header names the season and the sheet, its footer "Page n of N", and no heading is cut."""
    from planner.coachform.spec import WRITTEN_SHEETS
    from planner.coachform.write import save_template_form

    season = solved_demo()
    path = tmp_path / "form.xlsx"
    save_template_form(season, path)
    pages, _reading = _print(path, tmp_path)
    for k, page in enumerate(pages, start=1):
        lines = [line for line in page.split("\n") if line.strip()]
        assert lines[0].split()[:2] == season.name.split()[:2], lines[0]
        assert f"Page {k} of {len(pages)}" in lines[-1], lines[-1]
    for spec in WRITTEN_SHEETS:
        page = next(p for p in pages if p.strip().split("\n", 1)[0].rstrip().endswith(spec.title))
        heads = " ".join(page.split("\n")[1:4])
        for c in spec.columns:
            assert re.search(rf"(^|\s){re.escape(c.header)}(\s|$)", heads), (spec.title, c.header)
