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
from planner.timeline import Timeline
from planner.xlsx_export import (
    ATHLETE_HEADERS,
    KIND_FILL,
    STAGE_COLOUR,
    build_workbook,
    export_workbook,
    safe_sheet_title,
    write_text,
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
    _, _, path = exported
    wb = openpyxl.load_workbook(path)
    # injured first (A3), then positions in first-appearance order (Defender, Goalkeeper), then id
    assert wb.sheetnames == ["Team", "A3 Cy Cedar", "A1 Ann Ash", "A4 Di Dale", "A2 Bo Birch"]
    assert list(team_rows(wb["Team"])) == ["A3", "A1", "A4", "A2"]


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
    assert ws.auto_filter.ref == f"A1:H{tl.n + 1}"
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
    assert len(names) == 1 + len(season.athletes)
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
    assert len(wb.sheetnames) == 1 + len(demo_season.athletes)
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
