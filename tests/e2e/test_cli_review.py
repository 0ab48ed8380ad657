"""``periodize load --review``: the season review's table and CSV (the small season of
tests/planner/test_review.py, its counts worked out there by hand), and --whole-season alone."""

from __future__ import annotations

import csv

import pytest

from planner.review import CSV_COLUMNS
from planner.seasonfile import save_season
from tests.e2e.test_cli import ROOT, run
from tests.planner.test_review import _review_season


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    save_season(_review_season(), tmp / "s.season.json")
    return tmp


def test_the_table_has_the_period_a_row_per_athlete_and_the_squad(folder):
    r = run("load", "s.season.json", "--review", cwd=folder)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == ("Test season: season review. Season so far: 4 to 24 Jan 2027 (to the day "
                        "before today, Mon 25 Jan 2027). Logged: 3 of 60 athlete-days planned "
                        "before today (5 %), the rest counted as planned; Sundays, days off and "
                        "days away not counted unless a session was logged on them.")
    head = lines[1]
    assert head.split()[:3] == ["athlete", "Started", "Bench"]
    table = lines[2:lines.index("")]  # the injury table follows a blank line
    rows = {line.split("  ")[0].split(" (")[0]: line for line in table
            if line.startswith(("Athlete", "Squad"))}
    assert set(rows) == {"Athlete 1", "Athlete 2", "Athlete 3", "Athlete 4", "Squad"}
    # Athlete 1: 2 started, 1 bench, 0 not played, 0 missed injured, 30 minutes on 1 of his 3
    # match days, 4 exposures of the 6 planned for the same days (over his days logged 1 of 3:
    # 33 %), none ahead ("—"), the longest gap 10 days
    assert rows["Athlete 1"].split()[3:17] == ["2", "1", "0", "0", "30", "1", "of", "3", "4", "6",
                                               "33", "%", "—", "1"]
    # Athlete 2 missed the matches of days 5 and 12 in rehab: missed injured, not "not played"
    assert rows["Athlete 2"].split()[3:7] == ["1", "0", "0", "2"]
    assert " 3 of 18 " in rows["Athlete 1"] and " 3 of 60 " in rows["Squad"]
    assert "1 wk 3 d" in rows["Athlete 1"]
    assert rows["Athlete 3"].rstrip().endswith("Illness 3, International duty 2")
    # the columns line up: every row's HV done ends where its heading does
    end = head.index("HV done") + len("HV done")
    assert all(line[end - 1] != " " and line[end] == " " for line in rows.values())


def test_the_whole_season_csv_reads_back(folder):
    r = run("load", "s.season.json", "--review", "--whole-season", "--csv", "review.csv", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert "Wrote the season review of 4 athlete(s) to review.csv (Whole season: 4 to 31 Jan 2027" \
        in r.stdout
    raw = (folder / "review.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CSV_COLUMNS
    by = {row["athlete"] or row["name"]: row for row in rows}
    assert by["A1"]["hv_done"] == "4" and by["A1"]["hv_ahead"] == "2"
    assert by["A1"]["hv_planned_past"] == "6" and by["A1"]["hv_ratio"] == "0.333"
    assert by["Squad"]["hv_planned_past"] == "18" and by["Squad"]["hv_ratio"] == "0.333"
    assert by["A1"]["longest_gap"] == "10" and by["A1"]["minutes"] == "30"
    assert by["A2"]["rehab"] == "12" and by["A2"]["logged"] == "" and by["A2"]["ratio"] == ""
    assert by["A4"]["not_with_squad"] == "11"
    # the days logged and the days they are of: those with a session or match planned, no Sunday
    assert (by["A1"]["days_logged"], by["A1"]["days_planned"]) == ("3", "18")
    assert by["Squad"]["days_planned"] == "60"
    assert by["Squad"]["hv_ahead"] == "6" and by["Squad"]["logged"] == str(360 + 210 + 300)
    # written again over itself: an earlier output, replaced unasked and kept as .bak
    again = run("load", "s.season.json", "--review", "--csv", "review.csv", cwd=folder)
    assert again.returncode == 0, again.stderr
    assert "kept as review.csv.bak" in again.stdout


def _documented_review_columns() -> list[str]:
    """The columns docs/load.md's table lists for the review's CSV, in its order."""
    lines = (ROOT / "docs" / "load.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("planned included. Its CSV"))
    head = next(i for i in range(start, len(lines)) if lines[i] == "| column | what it holds |")
    cols = []
    for line in lines[head + 2:]:
        if not line.startswith("|"):
            break
        cell = line.split("|")[1].strip()
        assert cell.startswith("`") and cell.endswith("`"), line
        cols.append(cell.strip("`"))
    return cols


def test_the_review_csv_columns_are_the_ones_load_md_lists(folder):
    """docs/load.md listed 18 columns where the CSV had 23 (a script written from it read the wrong
    figure after not_played): the table there is the header, in order, a column added without it
    fails here."""
    r = run("load", "s.season.json", "--review", "--csv", "columns.csv", cwd=folder)
    assert r.returncode == 0, r.stderr
    header = (folder / "columns.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert _documented_review_columns() == header


def test_whole_season_without_review_says_what_to_add(folder):
    r = run("load", "s.season.json", "--whole-season", cwd=folder)
    assert r.returncode == 1
    assert "--whole-season: goes with --review" in r.stderr and "Traceback" not in r.stderr


def test_one_athletes_review_csv_has_his_row_once(folder):
    """--athlete gave the athlete's row as the review's total too, and the CSV wrote it twice."""
    r = run("load", "s.season.json", "--review", "--athlete", "A1", "--csv", "a1.csv", cwd=folder)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader((folder / "a1.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [row["athlete"] for row in rows] == ["A1"]
    assert rows[0]["hv_done"] == "4" and rows[0]["minutes"] == "30"


def test_the_load_csv_and_the_review_csv_do_not_replace_each_other_unasked(tmp_path):
    """The load table and the season review were one kind of output, "csv": either replaced the
    other unasked (last month's review gone under a load table). Each replaces only its own."""
    from ui.outputkinds import written_kind

    save_season(_review_season(), tmp_path / "s.season.json")
    assert run("load", "s.season.json", "--csv", "t.csv", cwd=tmp_path).returncode == 0
    assert written_kind(tmp_path / "t.csv") == "csv"
    table = (tmp_path / "t.csv").read_bytes()
    r = run("load", "s.season.json", "--review", "--csv", "t.csv", cwd=tmp_path)
    assert r.returncode == 1 and "t.csv: is there already and is a load table Periodize wrote; " \
        "writing the season review CSV there would replace it" in r.stderr, r.stderr
    assert (tmp_path / "t.csv").read_bytes() == table and not (tmp_path / "t.csv.bak").exists()
    r = run("load", "s.season.json", "--review", "--csv", "t.csv", "--replace", cwd=tmp_path)
    assert r.returncode == 0 and written_kind(tmp_path / "t.csv") == "review", r.stderr
    assert (tmp_path / "t.csv.bak").read_bytes() == table
    r = run("load", "s.season.json", "--csv", "t.csv", cwd=tmp_path)  # the other way round
    assert r.returncode == 1 and "is a season review Periodize wrote (CSV)" in r.stderr, r.stderr


def test_check_json_replaces_its_own_list_and_not_a_list_of_the_coachs(tmp_path):
    """Any JSON list with "severity" and "rule" in it read as check --json's output, and was
    replaced unasked. What check writes is a list of objects whose first key is "rule" (or [],
    nothing broken: a file holding only [] has nothing to lose)."""
    import json

    from ui.outputkinds import written_kind

    save_season(_review_season(), tmp_path / "s.season.json")
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps([{"player": "Ana", "rule": "no phones", "severity": "high"}]))
    r = run("check", "s.season.json", "--json", "mine.json", cwd=tmp_path)
    assert r.returncode == 1 and "mine.json: is there already and was not written by Periodize" \
        in r.stderr, r.stderr
    assert written_kind(mine) is None
    for _ in range(2):  # its own output: replaced unasked, kept as .bak
        r = run("check", "s.season.json", "--json", "v.json", cwd=tmp_path)
        assert r.returncode == 3, r.stderr  # the hand-made plan breaks DL-2
    assert written_kind(tmp_path / "v.json") == written_kind(tmp_path / "v.json.bak") == "violations"
    listed = json.loads((tmp_path / "v.json").read_text())
    assert listed and next(iter(listed[0])) == "rule"
    (tmp_path / "empty.json").write_text("[]\n")
    assert written_kind(tmp_path / "empty.json") == "violations"


def test_a_player_named_by_his_id_is_named_by_the_id_alone(tmp_path):
    """A player whose name is his ID read "A1 (A1)" in the table; every other place says "A1"."""
    s = _review_season()
    s = s.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": a.id}) if a.id == "A1" else a for a in s.athletes)})
    save_season(s, tmp_path / "s.season.json")
    r = run("load", "s.season.json", "--review", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    firsts = [line.split("  ")[0] for line in r.stdout.splitlines()[2:6]]
    assert sorted(firsts) == ["A1", "Athlete 2 (A2)", "Athlete 3 (A3)", "Athlete 4 (A4)"]
    assert "A1 (A1)" not in r.stdout


def test_the_injuries_follow_the_table_and_anonymised_are_left_out(folder):
    """The season review had no injury list (onset, back, days lost, matches missed): a coach's
    season report needs it. It follows the table; --anonymise leaves protocols and onsets out."""
    r = run("load", "s.season.json", "--review", cwd=folder)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    at = lines.index("") + 1
    assert lines[at].startswith("Injuries (days lost: from the onset to the return")
    assert lines[at + 1].split()[:2] == ["Athlete", "Injury"]
    assert lines[at + 2].split("  ")[0] == "Athlete 2 (A2)"
    assert ("Persistent iliopsoas tendinopathy  Wed 6 Jan 2027  Mon 18 Jan 2027" in lines[at + 2]
            and lines[at + 2].split()[-2:] == ["12", "2"])
    r = run("load", "s.season.json", "--review", "--anonymise", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert "Injuries: left out (anonymised)." in r.stdout
    assert "iliopsoas" not in r.stdout and "6 Jan 2027" not in r.stdout
