"""Excel export (v1): the Team sheet, the per-athlete sheets, coach text as text, sheet titles."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest

from planner.errors import InputError, SaveError
from planner.season import (
    Athlete,
    AthletePlan,
    Calendar,
    Competition,
    Injury,
    Plan,
    Season,
    StageRecord,
    Unavailability,
)
from planner.squad import display_ids
from planner.timeline import Timeline
from planner.xlsx_cells import safe_sheet_title, write_text
from planner.xlsx_export import (
    ATHLETE_HEADERS,
    KIND_FILL,
    SPEED_SHEET,
    STAGE_COLOUR,
    STAGE_TINT,
    SUMMARY_SHEETS,
    build_workbook,
    export_workbook,
    workbook_bytes,
)

START = dt.date(2027, 1, 4)  # a Monday
END = dt.date(2027, 1, 20)  # a Wednesday: 17 days, weeks of 7, 7 and 3 days
WEEK_DAYS = [range(0, 7), range(7, 14), range(14, 17)]
PROBES = ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "#N/A"]


def _day(i: int) -> dt.date:
    return START + dt.timedelta(days=i)


def small_season(**update) -> Season:
    season = Season(
        name="Riverside U19",
        calendar=Calendar(start=START, end=END),
        competitions=(
            Competition(id="l3", name="League match 3", date=_day(5), priority="C"),
            Competition(id="c2", name="Cup round 2", date=_day(9), priority="B"),
            Competition(id="l4", name="League match 4", date=_day(12), priority="C"),
        ),
        athletes=(
            Athlete(id="A1", name="Ann Ash", position="Defender"),
            Athlete(id="A2", name="Bo Birch", position="Goalkeeper"),
            Athlete(id="A3", name="Cy Cedar", position="Forward"),
            Athlete(id="A4", name="Di Dale", position="Defender"),
        ),
        unavailability=(
            Unavailability(athlete="A2", start=_day(14), end=_day(15), reason="Illness"),
        ),
        injuries=(
            Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=dt.date(2027, 1, 2),
                   stages=(StageRecord(stage="P1", start=_day(2)),)),
        ),
    )
    return season.model_copy(update=update) if update else season


def fit_plan(season: Season, athlete_id: str, pattern: list[int]) -> AthletePlan:
    tl = Timeline(season)
    off = tl.unavailable(athlete_id)
    intensity = []
    for i in range(tl.n):
        if i in off:
            intensity.append(0)
        elif tl.is_comp[i]:
            intensity.append(100)
        else:
            intensity.append(pattern[i % len(pattern)])
    return AthletePlan(athlete=athlete_id, stages=("FIT",) * tl.n, intensity=tuple(intensity),
                       weeks=("load", "deload", "taper"))


def small_plan(season: Season) -> Plan:
    n = Timeline(season).n
    rehab_stages = ("INJ", "INJ") + ("P1",) * 7 + ("P2",) * (n - 9)
    rehab_int = tuple(0 if s != "P2" else (60 if i % 2 else 70) for i, s in enumerate(rehab_stages))
    return Plan(
        status="optimal",
        team_weeks=("load", "deload", "taper"),
        athletes=(
            fit_plan(season, "A1", [0, 90, 0, 95, 0, 0, 80]),
            fit_plan(season, "A2", [0, 0, 90, 0, 0, 0, 0]),
            AthletePlan(athlete="A3", stages=rehab_stages, intensity=rehab_int,
                        weeks=("load", "load", "deload")),
            fit_plan(season, "A4", [80, 0, 0, 0, 0, 0, 0]),
        ),
    )


def hv_counts(ap: AthletePlan) -> list[int]:
    return [sum(1 for i in days if ap.intensity[i] >= 90) for days in WEEK_DAYS]


@pytest.fixture
def exported(tmp_path):
    season = small_season()
    plan = small_plan(season)
    path = tmp_path / "plan.xlsx"
    export_workbook(season, plan, path)
    return season, plan, path


def team_rows(ws) -> dict[str, int]:
    """Athlete id -> row on the Team sheet."""
    out = {}
    for row in range(5, ws.max_row + 1):
        v = ws.cell(row=row, column=1).value
        if v == "Legend":
            break
        if v:
            out[v] = row
    return out


# ---------------------------------------------------------------------------------------------
# Team sheet
# ---------------------------------------------------------------------------------------------
def test_sheet_names_team_first_then_athletes_in_team_order(exported):
    season, plan, path = exported
    wb = openpyxl.load_workbook(path)
    # the board's order (planner.squad): injured first (A3), then goalkeeper before defenders
    # (a team sheet's order, whatever the squad lists first), then id
    assert wb.sheetnames == [*SUMMARY_SHEETS, "A3 Cy Cedar", "A2 Bo Birch", "A1 Ann Ash", "A4 Di Dale",
                             SPEED_SHEET]
    assert list(team_rows(wb["Team"])) == ["A3", "A2", "A1", "A4"]
    assert list(team_rows(wb["Team"])) == display_ids(season, plan)


def test_team_header_competitions_and_team_week_rows(exported):
    season, _, path = exported
    ws = openpyxl.load_workbook(path)["Team"]
    header = [ws.cell(row=2, column=c).value for c in range(1, 7)]
    assert header[:3] == ["ID", "Name", "Position"]
    assert [h.date() for h in header[3:]] == [_day(0), _day(7), _day(14)]
    assert ws.cell(row=2, column=4).number_format == "dd mmm"
    assert ws.cell(row=1, column=1).value == season.name
    assert ws.cell(row=3, column=1).value == "Competitions"
    assert [ws.cell(row=3, column=c).value for c in (4, 5, 6)] == [
        "League match 3 (C)", "Cup round 2 (B); League match 4 (C)", None,
    ]
    assert ws.cell(row=4, column=1).value == "Team week"
    assert [ws.cell(row=4, column=c).value for c in (4, 5, 6)] == ["load", "deload", "taper"]
    assert ws.freeze_panes == "D5"


def test_team_hv_counts_equal_counts_from_the_plan(exported):
    season, plan, path = exported
    ws = openpyxl.load_workbook(path)["Team"]
    rows = team_rows(ws)
    for ap in plan.athletes:
        got = [ws.cell(row=rows[ap.athlete], column=c).value for c in (4, 5, 6)]
        assert got == hv_counts(ap), ap.athlete
    # the counts are not trivially zero: A1 has training HV days and three matches
    assert hv_counts(plan.for_athlete("A1")) == [3, 4, 1]
    a1 = season.athlete("A1")
    assert ws.cell(row=rows["A1"], column=2).value == a1.name
    assert ws.cell(row=rows["A1"], column=3).value == "Defender"


def test_team_hv_counts_read_with_pandas(exported):
    _, plan, path = exported
    df = pd.read_excel(path, sheet_name="Team", header=1)
    assert list(df.columns[:3]) == ["ID", "Name", "Position"]
    weeks = list(df.columns[3:6])
    assert [pd.Timestamp(w).date() for w in weeks] == [_day(0), _day(7), _day(14)]
    by_id = df.set_index("ID")
    assert by_id.loc["Team week", weeks].tolist() == ["load", "deload", "taper"]
    for ap in plan.athletes:
        assert [int(x) for x in by_id.loc[ap.athlete, weeks]] == hv_counts(ap)


def test_team_fills_follow_each_athletes_week_kind(exported):
    _, _, path = exported
    ws = openpyxl.load_workbook(path)["Team"]
    rows = team_rows(ws)

    def fill(aid, col):
        return ws.cell(row=rows[aid], column=col).fill

    # A1 follows the team: load, deload, taper
    assert fill("A1", 4).fill_type is None
    assert fill("A1", 5).fill_type == "solid"
    assert fill("A1", 5).fgColor.rgb.endswith(KIND_FILL["deload"])
    assert fill("A1", 6).fgColor.rgb.endswith(KIND_FILL["taper"])
    # A3 (rehab) has its own weeks: load, load, deload
    assert fill("A3", 5).fill_type is None
    assert fill("A3", 6).fgColor.rgb.endswith(KIND_FILL["deload"])
    # the team-week row is shaded the same way
    assert ws.cell(row=4, column=5).fill.fgColor.rgb.endswith(KIND_FILL["deload"])
    assert ws.cell(row=4, column=6).fill.fgColor.rgb.endswith(KIND_FILL["taper"])


def test_team_left_edge_shows_stage_on_the_weeks_first_day(exported):
    _, _, path = exported
    ws = openpyxl.load_workbook(path)["Team"]
    rows = team_rows(ws)
    edges = [ws.cell(row=rows["A3"], column=c).border.left for c in (4, 5, 6)]
    assert [e.style for e in edges] == ["thick"] * 3
    assert [e.color.rgb[-6:] for e in edges] == [
        STAGE_COLOUR["INJ"], STAGE_COLOUR["P1"], STAGE_COLOUR["P2"],
    ]
    fit_edge = ws.cell(row=rows["A1"], column=4).border.left
    assert fit_edge.style != "thick"


def test_team_legend_below_the_table(exported):
    _, _, path = exported
    ws = openpyxl.load_workbook(path)["Team"]
    col_a = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    legend = col_a.index("Legend") + 1
    assert legend > max(team_rows(ws).values())
    swatches = {ws.cell(row=r, column=c).value: ws.cell(row=r, column=c)
                for r in range(legend, ws.max_row + 1) for c in range(4, 12)}
    assert swatches["deload"].fill.fgColor.rgb.endswith(KIND_FILL["deload"])
    assert swatches["taper"].fill.fgColor.rgb.endswith(KIND_FILL["taper"])
    for stage, colour in STAGE_COLOUR.items():
        assert swatches[stage].border.left.color.rgb.endswith(colour)


def test_team_names_link_to_the_athlete_sheets(exported):
    _, _, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["Team"]
    rows = team_rows(ws)
    link = ws.cell(row=rows["A3"], column=2).hyperlink
    assert link is not None and link.location == "'A3 Cy Cedar'!A1"


# ---------------------------------------------------------------------------------------------
# Athlete sheets
# ---------------------------------------------------------------------------------------------
def test_athlete_sheet_one_row_per_day(exported):
    season, plan, path = exported
    tl = Timeline(season)
    ws = openpyxl.load_workbook(path)["A3 Cy Cedar"]
    assert [c.value for c in ws[1]] == list(ATHLETE_HEADERS)
    assert all(c.font.bold for c in ws[1])
    assert ws.max_row == tl.n + 1
    ap = plan.for_athlete("A3")
    for i in range(tl.n):
        r = i + 2
        date = ws.cell(row=r, column=1)
        assert date.is_date and date.value.date() == _day(i)
        assert "yy" in date.number_format
        assert ws.cell(row=r, column=2).value == _day(i).strftime("%a")
        assert ws.cell(row=r, column=3).value == tl.label(i)
        assert ws.cell(row=r, column=4).value == ap.stages[i]
        assert ws.cell(row=r, column=5).value == ap.intensity[i]
        assert ws.cell(row=r, column=6).value == ap.weeks[i // 7]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:I{tl.n + 1}"
    assert ws.column_dimensions["H"].width > ws.column_dimensions["B"].width


def test_athlete_sheet_md_labels_competitions_and_availability(exported):
    _, _, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["A2 Bo Birch"]
    col = {h: i + 1 for i, h in enumerate(ATHLETE_HEADERS)}

    def at(day, name):
        return ws.cell(row=day + 2, column=col[name]).value

    assert at(5, "MD") == "MD" and at(5, "Competition") == "League match 3"
    assert at(4, "MD") == "MD-1" and at(6, "MD") == "MD+1"
    assert at(9, "Competition") == "Cup round 2" and at(9, "Intensity (% max speed)") == 100
    assert at(8, "Competition") is None
    assert [at(d, "Available") for d in (13, 14, 15, 16)] == ["yes", "no", "no", "yes"]
    assert at(14, "Intensity (% max speed)") == 0


def test_athlete_sheet_read_with_pandas(exported):
    season, plan, path = exported
    df = pd.read_excel(path, sheet_name="A1 Ann Ash")
    assert list(df.columns) == list(ATHLETE_HEADERS)
    assert len(df) == Timeline(season).n
    assert [d.date() for d in df["Date"]] == [_day(i) for i in range(len(df))]
    assert df["Intensity (% max speed)"].tolist() == list(plan.for_athlete("A1").intensity)
    assert set(df["Stage"]) == {"FIT"}
    assert df["Week kind"].tolist() == ["load"] * 7 + ["deload"] * 7 + ["taper"] * 3


# ---------------------------------------------------------------------------------------------
# Coach text is text
# ---------------------------------------------------------------------------------------------
def _expected(probe: str) -> str:
    # XML turns a raw CR into LF on reading; write_text does that itself, on purpose
    return probe.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("probe", PROBES, ids=repr)
def test_formula_and_error_probes_stay_text_everywhere(tmp_path, probe):
    # model_construct keeps leading tabs/newlines that validation would strip: the export
    # must be safe even for text that did not come through the validator
    odd = Athlete.model_construct(id="X1", name=probe, position=probe, max_speed=None)
    base = small_season()
    comps = (Competition.model_construct(id="x", name=probe, date=_day(2), end_date=None,
                                         priority="C"),)
    season = base.model_copy(update={
        "name": probe,
        "athletes": base.athletes + (odd,),
        "competitions": base.competitions + comps,
    })
    plan = small_plan(season)
    plan = plan.model_copy(update={"athletes": plan.athletes + (fit_plan(season, "X1", [0]),)})
    path = tmp_path / "probe.xlsx"
    export_workbook(season, plan, path)
    want = _expected(probe)

    wb = openpyxl.load_workbook(path)
    team = wb["Team"]
    row = team_rows(team)["X1"]
    cells = [team.cell(row=1, column=1), team.cell(row=row, column=2), team.cell(row=row, column=3)]
    comp_cell = team.cell(row=3, column=4)
    title = next(t for t in wb.sheetnames if t.startswith("X1"))
    day = wb[title].cell(row=2 + 2, column=8)
    for cell in cells + [day]:
        assert cell.data_type == "s", cell.coordinate
        assert cell.value == want, cell.coordinate
        assert cell.quotePrefix == want.startswith(("=", "+", "-", "@", "\t", "\n"))
    assert comp_cell.data_type == "s"
    assert comp_cell.value == f"{want} (C); League match 3 (C)"

    # nothing anywhere became a formula or an error value
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            for c in r:
                assert c.data_type not in ("f", "e"), (ws.title, c.coordinate)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                assert "<f>" not in xml and 't="e"' not in xml

    # pandas sees the same text (keep "#N/A" from pandas' own NaN parsing)
    df = pd.read_excel(path, sheet_name="Team", header=1, keep_default_na=False, na_values=[])
    got = df.set_index("ID").loc["X1"]
    assert got["Name"] == want and got["Position"] == want


def test_write_text_on_a_plain_cell():
    wb = openpyxl.Workbook()
    ws = wb.active
    write_text(ws["A1"], "=HYPERLINK(\"http://x\")")
    write_text(ws["A2"], "Plain name")
    write_text(ws["A3"], "a\x01b\x07c")
    write_text(ws["A4"], "")
    write_text(ws["A5"], "#DIV/0!")
    assert ws["A1"].data_type == "s" and ws["A1"].quotePrefix
    assert ws["A2"].value == "Plain name" and not ws["A2"].quotePrefix
    assert ws["A3"].value == "abc"  # characters XML cannot hold are dropped
    assert ws["A4"].value is None
    assert ws["A5"].data_type == "s"


# ---------------------------------------------------------------------------------------------
# Sheet titles
# ---------------------------------------------------------------------------------------------
_BAD = re.compile(r"[\\/*?:\[\]]")


def _valid(title: str) -> bool:
    return (0 < len(title.encode("utf-16-le")) // 2 <= 31 and not _BAD.search(title)
            and not title.startswith("'") and not title.endswith("'"))


@pytest.mark.parametrize("ch", list("\\/*?:[]"))
def test_safe_sheet_title_replaces_each_forbidden_character(ch):
    title = safe_sheet_title(f"A1 Ann{ch}Ash", set())
    assert _valid(title) and title == "A1 Ann_Ash"


def test_safe_sheet_title_length_uniqueness_and_edge_cases():
    taken = {"team"}
    long = safe_sheet_title("A1 " + "Maximilian-Alexander " * 3, taken)
    assert _valid(long) and len(long) <= 31
    again = safe_sheet_title("A1 " + "Maximilian-Alexander " * 3, taken)
    assert again != long and again.endswith(" (2)") and len(again) <= 31
    third = safe_sheet_title("a1 " + "MAXIMILIAN-ALEXANDER " * 3, taken)
    assert third.endswith(" (3)")
    assert safe_sheet_title("Team", taken) == "Team (2)"
    assert safe_sheet_title("", set()) == "Sheet"
    assert safe_sheet_title("'''", set()) == "Sheet"
    assert safe_sheet_title("'quoted'", set()) == "quoted"
    assert safe_sheet_title("History", set()) == "History (2)"
    assert safe_sheet_title("tab\there\nnew", set()) == "tab here new"
    emoji = safe_sheet_title("A1 " + "\U0001F3C3" * 20, set())  # 2 UTF-16 units each
    assert _valid(emoji) and len(emoji.encode("utf-16-le")) // 2 <= 31
    assert all(t == t.lower() for t in taken) and long.lower() in taken


def hazard_season_and_plan() -> tuple[Season, Plan]:
    """The small season plus athletes whose sheet titles are hard to make."""
    base = small_season()
    hazards = (
        Athlete(id="K1", name="Kim Lee", position="Forward"),
        Athlete(id="k1", name="KIM LEE", position="Forward"),
        Athlete(id="L1", name="Name/With\\All*The?Bad:Chars[and]more", position="Forward"),
        Athlete(id="VeryLongIdentifierForAthlete01", name="Long Name", position="Forward"),
        Athlete(id="VeryLongIdentifierForAthlete02", name="Long Name", position="Forward"),
        Athlete(id="M1", name="Maximilian Alexander von Hohenberg-Schwarzenfels"),
        Athlete(id="O1", name="Dan O'Brien", position="Defender"),
        Athlete(id="H1", name="'quoted' & <tagged>", position="Defender"),
    )
    season = base.model_copy(update={"athletes": base.athletes + hazards})
    plan = small_plan(season)
    extra = tuple(fit_plan(season, a.id, [0, 90, 0]) for a in hazards)
    return season, plan.model_copy(update={"athletes": plan.athletes + extra})


def test_sheet_title_hazards_in_a_real_export(tmp_path):
    season, plan = hazard_season_and_plan()
    path = tmp_path / "titles.xlsx"
    export_workbook(season, plan, path)
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    assert len(names) == len(SUMMARY_SHEETS) + len(season.athletes) + 1
    assert len({n.lower() for n in names}) == len(names)
    assert all(_valid(n) for n in names)
    assert "K1 Kim Lee" in names and "k1 KIM LEE (2)" in names
    assert "O1 Dan O'Brien" in names and "H1 'quoted' & <tagged>" in names
    assert wb["O1 Dan O'Brien"].freeze_panes == "A2"
    # every Team link points at an existing sheet, and that sheet is the athlete's
    team = wb["Team"]
    for aid, row in team_rows(team).items():
        loc = team.cell(row=row, column=2).hyperlink.location
        title = loc[1:loc.rindex("'")].replace("''", "'")
        assert title in names
        assert wb[title].max_row == Timeline(season).n + 1, aid


# ---------------------------------------------------------------------------------------------
# The demo season, saving, and the import boundary
# ---------------------------------------------------------------------------------------------
def simple_plan(season: Season) -> Plan:
    tl = Timeline(season)
    athletes = []
    for a in season.athletes:
        stage = "INJ" if season.injury_of(a.id) else "FIT"
        athletes.append(AthletePlan(athlete=a.id, stages=(stage,) * tl.n,
                                    intensity=(0,) * tl.n, weeks=("load",) * len(tl.weeks)))
    return Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(athletes))


def test_demo_season_exports_and_reopens(tmp_path, demo_season):
    path = tmp_path / "demo.xlsx"
    plan = simple_plan(demo_season)
    export_workbook(demo_season, plan, path)
    tl = Timeline(demo_season)
    wb = openpyxl.load_workbook(path)
    assert len(wb.sheetnames) == len(SUMMARY_SHEETS) + len(demo_season.athletes) + 1
    team = wb["Team"]
    rows = team_rows(team)
    injured = [i.athlete for i in demo_season.injuries]
    assert sorted(list(rows)[: len(injured)]) == sorted(injured)
    assert len(rows) == len(demo_season.athletes)
    assert team.cell(row=2, column=3 + len(tl.weeks)).value.date() == tl.days[tl.weeks[-1].first]
    comps = [team.cell(row=3, column=4 + w).value for w in range(len(tl.weeks))]
    assert sum(1 for c in comps if c) >= 20
    a = demo_season.athletes[0]
    ws = wb[safe_sheet_title(f"{a.id} {a.name}", {"team"})]
    assert ws.max_row == tl.n + 1


def test_export_replaces_an_existing_file_and_reports_unwritable_targets(tmp_path):
    season = small_season()
    plan = small_plan(season)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"old")
    export_workbook(season, plan, path)
    assert zipfile.is_zipfile(path)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    with pytest.raises(SaveError):
        export_workbook(season, plan, tmp_path / "no such folder" / "plan.xlsx")
    folder = tmp_path / "a folder.xlsx"
    folder.mkdir()
    with pytest.raises(SaveError):
        export_workbook(season, plan, folder)


def test_a_folder_without_write_permission_is_a_save_error(tmp_path, monkeypatch):
    # (tests may run as root, where chmod does not stop writes: fake the refusal instead)
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    season = small_season()
    with pytest.raises(SaveError, match="cannot write in"):
        export_workbook(season, small_plan(season), tmp_path / "plan.xlsx")
    assert not (tmp_path / "plan.xlsx").exists()


def test_a_plan_that_no_longer_fits_the_season_is_refused():
    season = small_season()
    plan = small_plan(season)
    longer = season.model_copy(update={
        "calendar": season.calendar.model_copy(update={"end": END + dt.timedelta(days=7)}),
    })
    with pytest.raises(InputError, match="solve again"):
        build_workbook(longer, plan)


def test_an_athlete_without_a_plan_still_gets_a_row_and_a_sheet():
    season = small_season()
    plan = small_plan(season)
    plan = plan.model_copy(update={"athletes": plan.athletes[:3]})  # A4 added after the solve
    wb = build_workbook(season, plan)
    team = wb["Team"]
    row = team_rows(team)["A4"]
    assert [team.cell(row=row, column=c).value for c in (4, 5, 6)] == [None, None, None]
    ws = wb["A4 Di Dale"]
    assert ws.cell(row=2, column=4).value is None and ws.cell(row=2, column=7).value == "yes"


def test_importing_planner_does_not_load_openpyxl():
    code = ("import sys, planner, planner.season, planner.timeline, planner.seasonfile; "
            "sys.exit(1 if 'openpyxl' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))).returncode == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_export_and_prints_it(tmp_path):
    season, plan = hazard_season_and_plan()  # awkward titles, apostrophes, links
    path = tmp_path / "plan.xlsx"
    export_workbook(season, plan, path)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, timeout=120, capture_output=True,
    )
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    # every sheet was read and printed (at least a page each): nothing was dropped as damaged
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf.read_bytes()))
    assert pages >= len(openpyxl.load_workbook(path, read_only=True).sheetnames)


# ---------------------------------------------------------------------------------------------
# The full export: Cover, Calendar, Rules, Why, charts, Speed days, anonymised, the fast path
# ---------------------------------------------------------------------------------------------
EXPORTED_AT = dt.datetime(2027, 1, 21, 9, 30)


def _cells(ws) -> dict[str, object]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def _column(ws, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def test_cover_sheet_names_the_season_status_objective_date_and_links(tmp_path):
    season = small_season()
    plan = small_plan(season).model_copy(update={"objective": 1234.0, "bound": 1200.0,
                                                 "solve_seconds": 2.5})
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes(season, plan, exported_at=EXPORTED_AT))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Cover"
    ws = wb["Cover"]
    assert ws["A1"].value == "Riverside U19"
    facts = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2)
             for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value}
    assert facts["Plan status"].value.startswith("optimal")
    assert facts["Objective"].value.startswith("1,234 penalty points") and "bound 1,200" in facts["Objective"].value
    assert facts["Exported"].value == EXPORTED_AT
    assert facts["Season"].value.startswith("4 to 20 Jan 2027 (17 days, 3 weeks)")
    assert facts["Anonymised"].value.startswith("no")
    links = {k: ws.cell(row=facts[k].row, column=1).hyperlink
             for k in ("Team", "Calendar", "Rules", "Speed days")}
    for sheet, link in links.items():
        assert link is not None and link.location == f"'{sheet}'!A1"
    # the legend shows each stage in its colour
    assert facts["P1"].row and ws.cell(row=facts["P1"].row, column=1).fill.fgColor.rgb.endswith(STAGE_COLOUR["P1"])


def test_calendar_is_the_intensity_grid_of_every_athlete_day(exported):
    season, plan, path = exported
    tl = Timeline(season)
    ws = openpyxl.load_workbook(path)["Calendar"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Date", "Weekday", "MD", "Team week", "Competition"]
    assert header[5:] == ["A3 Cy Cedar", "A2 Bo Birch", "A1 Ann Ash", "A4 Di Dale"]
    assert ws.max_row == tl.n + 1
    for j, aid in enumerate(("A3", "A2", "A1", "A4"), start=6):
        got = [ws.cell(row=i + 2, column=j).value for i in range(tl.n)]
        assert got == list(plan.for_athlete(aid).intensity), aid
    assert ws.cell(row=2 + 5, column=5).value == "League match 3 (C)"
    assert ws.cell(row=2 + 7, column=4).value == "deload"
    assert ws.freeze_panes == "F2" and ws.auto_filter.ref == f"A1:I{tl.n + 1}"
    # rehab days carry the stage tint; an unavailable day is hatched; zeros are hidden by format
    a3 = ws.cell(row=2 + 4, column=6)
    assert a3.fill.fgColor.rgb.endswith(STAGE_TINT["P1"])
    away = ws.cell(row=2 + 14, column=7)  # A2, unavailable from day 14
    assert away.value == 0 and away.fill.fill_type == "lightUp"
    assert away.number_format == '0;-0;;@'
    df = pd.read_excel(path, sheet_name="Calendar")
    assert df["A1 Ann Ash"].tolist() == list(plan.for_athlete("A1").intensity)


def test_rules_sheet_lists_every_rule_with_this_seasons_values(tmp_path):
    from planner.citations import CITATIONS
    from planner.rules import RULES
    from planner.season import RuleSettings

    season = small_season(rules=RuleSettings(values={"HV-2": {"max_speed_days": 1}},
                                             modes={"HV-1": "hard", "TEAM": "off"}))
    path = tmp_path / "rules.xlsx"
    export_workbook(season, small_plan(season), path)
    df = pd.read_excel(path, sheet_name="Rules", nrows=sum(max(1, len(r.params)) for r in RULES.values()))
    assert set(df["Rule"]) == set(RULES)
    hv2 = df[(df["Rule"] == "HV-2") & (df["Parameter"] == "max_speed_days")].iloc[0]
    assert (hv2["Value"], hv2["Default"], hv2["Range"], hv2["Unit"]) == (1, 2, "1\u20133", "days/week")
    assert hv2["Mode"] == "hard" and hv2["Evidence"] == "E+J (study, expert judgement)"
    modes = df.drop_duplicates("Rule").set_index("Rule")["Mode"]
    assert modes["HV-1"] == "hard" and modes["TEAM"] == "off" and modes["RTS"] == "soft"
    ws = openpyxl.load_workbook(path)["Rules"]
    values = _cells(ws)
    assert CITATIONS["Colby18"] in values.values()
    assert ws.auto_filter.ref == f"A1:L{len(df) + 1}" and ws.freeze_panes == "C2"


def test_athlete_sheets_say_why_and_chart_their_weekly_speed_days(exported):
    season, plan, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["A1 Ann Ash"]
    why = _column(ws, "Why")
    text = {i: ws.cell(row=i + 2, column=why).value for i in range(17)}
    assert text[6].startswith("AV-1: No running load on a day without training.")  # Sunday
    assert "which Ann Ash (A1) played: no speed day." in text[6] and "HV-6: MD+1 after" in text[6]
    assert "AV-1: Starts 'League match" in text[5]
    assert "serves HV-1" in text[1]  # a 90 % day keeps the HV window covered
    bo = wb["A2 Bo Birch"]
    assert "AV-1: Bo Birch (A2) is unavailable" in bo.cell(row=2 + 14, column=why).value
    cy = wb["A3 Cy Cedar"]
    assert "RH-CAP: Stage P1 allows no running." in cy.cell(row=2 + 3, column=why).value
    # the chart data: speed days (>= 80 %) per athlete and week
    speed = wb["Speed days"]
    assert [c.value for c in speed[1]][:4] == ["Week", "Week start", "Team week", "A3 Cy Cedar"]
    col = {c.value: c.column for c in speed[1]}
    for ap in plan.athletes:
        a = season.athlete(ap.athlete)
        got = [speed.cell(row=r, column=col[f"{a.id} {a.name}"]).value for r in (2, 3, 4)]
        assert got == [sum(1 for i in days if ap.intensity[i] >= 80) for days in WEEK_DAYS]
    # one native bar chart per athlete sheet, reading that athlete's column
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 4
        xml = "".join(z.read(n).decode() for n in charts)
    assert xml.count("<barChart>") == 4 and xml.count("<barDir val=\"col\" />") == 4
    assert "'Speed days'!$F$2:$F$4" in xml and "'Speed days'!$B$2:$B$4" in xml


def test_every_table_prints_landscape_with_its_header_repeated(exported):
    _, _, path = exported
    wb = openpyxl.load_workbook(path)
    for title in ("Calendar", "Rules", "Speed days", "A1 Ann Ash"):
        ws = wb[title]
        assert ws.page_setup.orientation == "landscape", title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, title
        assert ws.print_title_rows == "$1:$1", title
        assert ws.auto_filter.ref, title
    assert wb["A1 Ann Ash"].print_area == "'A1 Ann Ash'!$A$1:$I$18"
    team = wb["Team"]
    assert team.page_setup.orientation == "landscape" and team.print_title_rows == "$1:$4"


def test_team_marks_weeks_without_any_hv_exposure(exported):
    _, _, path = exported
    ws = openpyxl.load_workbook(path)["Team"]
    rules = [(str(rng.sqref), r) for rng in ws.conditional_formatting for r in rng.rules]
    (sqref, rule), = rules
    assert sqref == "D5:F8" and rule.operator == "equal" and rule.formula == ["0"]
    assert rule.dxf.font.color.rgb.endswith("C62828")


def _all_text(path) -> list[str]:
    """Every cell value, sheet title, header and footer of a workbook, as text."""
    wb = openpyxl.load_workbook(path)
    out = list(wb.sheetnames)
    for ws in wb.worksheets:
        out += [str(v) for v in _cells(ws).values()]
        for hf in (ws.oddHeader, ws.oddFooter):
            out += [p.text or "" for p in (hf.left, hf.center, hf.right)]
    with zipfile.ZipFile(path) as z:
        out += [z.read(n).decode() for n in z.namelist() if n.endswith(".xml")]
    return out


def test_anonymised_export_has_ids_and_no_names_diagnoses_or_protocols(tmp_path, demo_season):
    from planner.protocols import load_protocol

    plan = simple_plan(demo_season)
    # give the injured athletes rehab stages in the plan, so stage texts would be written
    athletes = []
    for ap in plan.athletes:
        inj = demo_season.injury_of(ap.athlete)
        if inj is not None:
            stage = load_protocol(inj.protocol).stage_ids[1]
            ap = ap.model_copy(update={"stages": (stage,) * len(ap.stages)})
        athletes.append(ap)
    plan = plan.model_copy(update={"athletes": tuple(athletes)})
    season = demo_season.model_copy(update={"unavailability": demo_season.unavailability + (
        Unavailability(athlete="A05", start=demo_season.calendar.start,
                       end=demo_season.calendar.start, reason="Knee arthroscopy"),)})
    path = tmp_path / "anon.xlsx"
    export_workbook(season, plan, path, anonymise=True)
    text = "\n".join(_all_text(path))
    secrets = [a.name for a in season.athletes] + ["Knee arthroscopy"]
    for inj in season.injuries:
        proto = load_protocol(inj.protocol)
        secrets += [proto.id, proto.name] + [s.title for s in proto.stages]
        secrets += [s.exit_text for s in proto.stages] + [s.content for s in proto.stages]
    for secret in secrets:
        assert secret not in text, secret
    wb = openpyxl.load_workbook(path)
    ids = [a.id for a in season.athletes]
    assert sorted(wb.sheetnames[4:-1]) == sorted(ids)
    assert "P2" in _cells(wb[season.injuries[0].athlete]).values()  # stage codes stay
    assert any("anonymised" in str(v).lower() or str(v).startswith("yes")
               for v in _cells(wb["Cover"]).values())
    # the same export without anonymising does carry the names (the test can fail)
    export_workbook(season, plan, tmp_path / "named.xlsx")
    assert season.athletes[0].name in "\n".join(_all_text(tmp_path / "named.xlsx"))


@pytest.mark.parametrize("probe", PROBES, ids=repr)
def test_probes_come_back_as_text_in_every_sheet(tmp_path, probe):
    odd = Athlete.model_construct(id="X1", name=probe, position=probe, max_speed=None)
    base = small_season()
    comps = (Competition.model_construct(id="x", name=probe, date=_day(2), end_date=None,
                                         priority="C"),)
    season = base.model_copy(update={"name": probe, "athletes": base.athletes + (odd,),
                                     "competitions": base.competitions + comps})
    plan = small_plan(season)
    plan = plan.model_copy(update={"athletes": plan.athletes + (fit_plan(season, "X1", [0]),)})
    path = tmp_path / "probe.xlsx"
    export_workbook(season, plan, path)
    want = _expected(probe)
    quoted = want.startswith(("=", "+", "-", "@", "\t", "\n"))
    wb = openpyxl.load_workbook(path)
    athlete = next(t for t in wb.sheetnames if t.startswith("X1"))
    spots = {
        "Cover": wb["Cover"]["A1"],
        "Calendar": wb["Calendar"].cell(row=2 + 2, column=5),
        athlete: wb[athlete].cell(row=2 + 2, column=8),
    }
    for sheet, cell in spots.items():
        assert cell.data_type == "s" and cell.quotePrefix == quoted, sheet
        assert cell.value in (want, f"{want} (C)"), sheet
    for sheet in ("Calendar", "Speed days"):
        labels = [c.value for c in wb[sheet][1]]
        assert f"X1 {want}" in labels, sheet
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type not in ("f", "e"), (ws.title, c.coordinate)
    for sheet in ("Calendar", athlete):
        df = pd.read_excel(path, sheet_name=sheet, keep_default_na=False, na_values=[])
        column = "Competition"
        assert df[column].iloc[2] in (want, f"{want} (C)"), sheet


def test_the_fast_path_writes_what_openpyxl_would(tmp_path):
    season, plan = hazard_season_and_plan()
    fast = tmp_path / "fast.xlsx"
    fast.write_bytes(workbook_bytes(season, plan, exported_at=EXPORTED_AT))
    slow = tmp_path / "slow.xlsx"
    build_workbook(season, plan, exported_at=EXPORTED_AT).save(slow)
    a, b = openpyxl.load_workbook(fast), openpyxl.load_workbook(slow)
    assert a.sheetnames == b.sheetnames
    for title in a.sheetnames:
        wa, wb_ = a[title], b[title]
        assert wa.max_row == wb_.max_row and wa.max_column == wb_.max_column, title
        assert wa.dimensions == wb_.dimensions, title
        for ra, rb in zip(wa.iter_rows(), wb_.iter_rows(), strict=True):
            for ca, cb in zip(ra, rb, strict=True):
                where = (title, ca.coordinate)
                assert (ca.value, ca.data_type, ca.quotePrefix) == (cb.value, cb.data_type, cb.quotePrefix), where
                assert ca.number_format == cb.number_format, where
                assert (ca.font.b, ca.font.color and ca.font.color.rgb) == (cb.font.b, cb.font.color and cb.font.color.rgb), where
                assert (ca.fill.fill_type, ca.fill.fgColor.rgb) == (cb.fill.fill_type, cb.fill.fgColor.rgb), where
                assert ca.alignment.text_rotation == cb.alignment.text_rotation, where
        for r, dim in wb_.row_dimensions.items():
            if dim.height:
                assert wa.row_dimensions[r].height == dim.height, (title, r)


def test_an_export_to_a_file_open_in_excel_is_a_clear_save_error(tmp_path, monkeypatch):
    season = small_season()
    plan = small_plan(season)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"the previous export")

    def locked(src, dst):  # what Windows does while Excel has the file open
        raise PermissionError(13, "The process cannot access the file because it is being used "
                                  "by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(SaveError) as err:
        export_workbook(season, plan, path)
    message = str(err.value)
    assert message.startswith(f"{path}: could not be replaced")
    assert "open in another program" in message and "close it" in message
    assert path.read_bytes() == b"the previous export"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_the_export_gets_the_mode_of_the_users_files(tmp_path, monkeypatch):
    import planner.safefile as sf

    monkeypatch.setattr(sf, "_UMASK", 0o027)  # read from the process at import
    season = small_season()
    path = tmp_path / "plan.xlsx"
    export_workbook(season, small_plan(season), path)
    assert path.stat().st_mode & 0o777 == 0o640  # not the 0600 of a temporary file
    path.chmod(0o600)
    export_workbook(season, small_plan(season), path)  # an existing file keeps its mode
    assert path.stat().st_mode & 0o777 == 0o600
