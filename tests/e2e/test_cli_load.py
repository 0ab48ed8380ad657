"""``periodize load`` end to end: the weekly table, one athlete, the CSV (written safely, read
back), and the refusals (no plan, an unknown athlete, a CSV over the season file)."""

from __future__ import annotations

import csv

import pytest

from planner.errors import InputError
from planner.load import figures
from planner.seasonfile import load_season, save_season
from tests.e2e.test_cli import run
from tests.planner.test_load import _season


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("load")
    save_season(_season(), tmp / "s.season.json")
    save_season(_season().model_copy(update={"sessions": ()}), tmp / "nolog.season.json")
    save_season(_season().model_copy(update={"plan": None}), tmp / "noplan.season.json")
    return tmp


def test_the_table_has_a_row_per_athlete_week(folder):
    r = run("load", "s.season.json", cwd=folder)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert ("logged before today (2027-02-15; a past day with nothing logged counts its planned "
            "session, in the stage the records give it), planned from today on") in out
    for name in ("Athlete 1 (A1)", "Athlete 2 (A2)", "Athlete 3 (A3)"):
        assert name in out
    assert out.count("week        kind        planned   logged     load  change  ACWR  EWMA") == 3
    assert "2026-12-21  pre-season" in out  # A1's log starts two weeks before the season
    assert "Athlete 3 (A3); no sessions logged" in out
    assert "—" in out and "nan" not in out.lower() and "inf" not in out.lower()
    assert "no sessions logged: planned figures only" not in out
    assert "flag 'ACWR > 1.3': above LD-1's limit" in out  # the limit itself, not "x"


def test_one_athlete_by_name(folder):
    r = run("load", "s.season.json", "--athlete", "athlete 2", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert "Athlete 2 (A2)" in r.stdout and "Athlete 1 (A1)" not in r.stdout


def test_an_unknown_athlete_is_a_located_error(folder):
    r = run("load", "s.season.json", "--athlete", "Z9", cwd=folder)
    assert r.returncode == 1
    assert "--athlete: no athlete has the ID or name 'Z9'" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_a_first_name_alone_finds_the_athlete_and_a_long_squad_is_listed_whole(tmp_path):
    s = _season()
    names = ("Marco Ruiz", "Tom Berger", "Marco Vidal")
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"name": n})
                                               for a, n in zip(s.athletes, names, strict=True))})
    save_season(s, tmp_path / "s.season.json")
    r = run("load", "s.season.json", "--athlete", "tom", cwd=tmp_path)
    assert r.returncode == 0 and "Tom Berger (A2)" in r.stdout and "A1" not in r.stdout, r.stderr
    r = run("load", "s.season.json", "--athlete", "Marco", cwd=tmp_path)  # two of them
    assert r.returncode == 1 and "is the name of 2 athletes" in r.stderr and "give the ID" in r.stderr
    big = s.model_copy(update={"athletes": s.athletes + tuple(
        s.athletes[0].model_copy(update={"id": f"B{k:02d}", "name": f"Player Number{k:02d}"})
        for k in range(37))})
    r = run("load", "s.season.json", "--athlete", "", cwd=tmp_path)
    assert r.returncode == 1 and "no athlete has the ID or name ''" in r.stderr
    from ui.cli.main import clip
    from ui.cli.names import athlete_id

    with pytest.raises(InputError) as e:
        athlete_id(big, "Nobody", "--athlete")
    assert "more characters" not in clip(str(e.value)) and "B36 Player Number36" in clip(str(e.value))


def test_an_empty_csv_name_is_refused_and_a_replaced_file_kept_as_bak(folder):
    r = run("load", "s.season.json", "--csv", "", cwd=folder)
    assert r.returncode == 1 and r.stdout == "", r.stdout
    (folder / "mine.csv").write_text("my own notes\n", encoding="utf-8")
    # a file Periodize did not write is refused unless --replace is given
    r = run("load", "s.season.json", "--csv", "mine.csv", cwd=folder)
    assert r.returncode == 1 and "mine.csv: is there already and was not written by Periodize" in r.stderr
    assert "add --replace" in r.stderr and not (folder / "mine.csv.bak").exists()
    assert (folder / "mine.csv").read_text(encoding="utf-8") == "my own notes\n"
    r = run("load", "s.season.json", "--csv", "mine.csv", "--replace", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert "The file that was at mine.csv is kept as mine.csv.bak." in r.stdout
    assert (folder / "mine.csv.bak").read_text(encoding="utf-8") == "my own notes\n"
    assert (folder / "mine.csv").read_text(encoding="utf-8-sig").startswith("athlete,")
    # the next export replaces its own table, and leaves the coach's file in the .bak
    r = run("load", "s.season.json", "--csv", "mine.csv", cwd=folder)
    assert r.returncode == 0 and "mine.csv.bak (the file that was at mine.csv before" in r.stdout
    assert (folder / "mine.csv.bak").read_text(encoding="utf-8") == "my own notes\n"


def test_a_season_without_a_plan_is_refused(folder):
    r = run("load", "noplan.season.json", cwd=folder)
    assert r.returncode == 1
    assert "has no stored plan" in r.stderr and "periodize solve" in r.stderr


def test_a_season_without_a_log_says_planned_figures_only(folder):
    r = run("load", "nolog.season.json", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert "no sessions logged: planned figures only" in r.stdout
    r = run("load", "nolog.season.json", "--csv", "nolog.csv", cwd=folder)
    assert r.returncode == 0 and "(no sessions logged: planned figures only)" in r.stdout


def test_the_csv_holds_every_figure(folder):
    before = (folder / "s.season.json").read_bytes()
    r = run("load", "s.season.json", "--csv", "load.csv", cwd=folder)
    assert r.returncode == 0, r.stderr
    # UTF-8 with a byte-order mark, which Excel and LibreOffice read as UTF-8 in any language
    assert (folder / "load.csv").read_bytes().startswith(b"\xef\xbb\xbfathlete,name,week,")
    rows = list(csv.DictReader((folder / "load.csv").open(encoding="utf-8-sig")))
    figs = figures(load_season(folder / "s.season.json"))
    assert len(rows) == sum(len(f.weeks) for f in figs.values())
    assert f"Wrote {len(rows)} athlete-weeks of 3 athlete(s)" in r.stdout
    assert ".bak" not in r.stdout  # nothing was there
    (folder / "log.csv").write_text("Athlete ID,Date,Minutes,RPE\nA1,2027-01-05,60,5\n")
    r = run("load", "s.season.json", "--csv", "log.csv", cwd=folder)  # onto a session log
    assert r.returncode == 1 and "log.csv: is there already" in r.stderr
    assert (folder / "log.csv").read_text().startswith("Athlete ID,Date,Minutes,RPE")
    r = run("load", "s.season.json", "--csv", "load.csv", cwd=folder)  # its own table: replaced
    assert r.returncode == 0 and "The file that was at load.csv is kept as load.csv.bak." in r.stdout
    by = {(x["athlete"], x["week"]): x for x in rows}
    for f in figs.values():
        for w in f.weeks:
            row = by[(f.athlete, w.start.isoformat())]
            # before the season nothing was planned: an empty cell
            assert row["planned"] == ("" if w.planned is None else f"{w.planned:.0f}")
            assert float(row["load"]) == w.load
            for col, value in (("acwr", w.acwr), ("ewma_ratio", w.ewma_ratio),
                               ("monotony", w.monotony), ("logged_ewma_ratio", w.logged_ewma_ratio)):
                assert row[col] == ("" if value is None else f"{value:.3f}"), (col, row)
            assert row["logged"] == ("" if w.logged is None else f"{w.logged:.0f}")
            assert row["flags"] == "; ".join(w.flags)
    assert (folder / "s.season.json").read_bytes() == before
    assert not list(folder.glob("*.tmp*"))


def test_csv_dash_writes_the_csv_to_standard_output_without_the_bom(folder):
    """'load --csv -' was refused ("a CSV's name ends in .csv"): a script piping the figures
    needed a file. The CSV goes to standard output, the same rows as the file's, no byte-order
    mark (a pipe is no spreadsheet) and nothing else with it; no file is written."""
    files = set(folder.iterdir())
    r = run("load", "s.season.json", "--csv", "-", cwd=folder)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert r.stdout.startswith("athlete,name,week,"), r.stdout[:80]
    assert set(folder.iterdir()) == files  # no file named '-'
    r2 = run("load", "s.season.json", "--csv", "piped.csv", "--replace", cwd=folder)
    assert r2.returncode == 0, r2.stderr
    assert r.stdout == (folder / "piped.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == sum(len(f.weeks) for f in figures(load_season(folder / "s.season.json")).values())
    one = run("load", "s.season.json", "--csv", "-", "--athlete", "A1", cwd=folder)
    assert one.returncode == 0 and {x["athlete"] for x in csv.DictReader(one.stdout.splitlines())} == {"A1"}
    review = run("load", "s.season.json", "--review", "--csv", "-", cwd=folder)
    assert review.returncode == 0 and review.stderr == "" and not review.stdout.startswith("\ufeff")
    assert len(list(csv.reader(review.stdout.splitlines()))) > 1


def test_the_csv_never_replaces_the_season_file(folder):
    before = (folder / "s.season.json").read_bytes()
    r = run("load", "s.season.json", "--csv", "s.season.json", cwd=folder)
    assert r.returncode == 1 and "would destroy it" in r.stderr
    assert (folder / "s.season.json").read_bytes() == before
    r = run("load", "s.season.json", "--csv", "load.txt", cwd=folder)
    assert r.returncode == 1 and "a CSV's name ends in .csv" in r.stderr
    (folder / "copy.csv").write_bytes(before)  # a season file by what it holds
    r = run("load", "s.season.json", "--csv", "copy.csv", cwd=folder)
    assert r.returncode == 1 and "would destroy it" in r.stderr
    assert (folder / "copy.csv").read_bytes() == before
    r = run("load", "s.season.json", "--csv", "no/such/folder/x.csv", cwd=folder)
    assert r.returncode == 1 and "does not exist" in r.stderr


def test_a_name_that_looks_like_a_formula_stays_text_in_the_csv(tmp_path):
    s = _season()
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "=1+1"}),)
                             + s.athletes[1:]})
    save_season(s, tmp_path / "s.season.json")
    r = run("load", "s.season.json", "--csv", "x.csv", "--athlete", "A1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "A1,'=1+1," in (tmp_path / "x.csv").read_text()
    r = run("load", "s.season.json", "--csv", "y.csv", "--anonymise", cwd=tmp_path)
    assert "=1+1" not in (tmp_path / "y.csv").read_text()


def test_help_names_the_figures():
    r = run("load", "--help", cwd=".")
    assert r.returncode == 0 and "monotony" in r.stdout and "--csv" in r.stdout


def test_log_prints_the_load_flags_of_what_it_read(tmp_path):
    s = _season()
    a1 = [x for x in s.sessions if x.athlete == "A1"]
    save_season(s.model_copy(update={"sessions": tuple(x for x in s.sessions if x.athlete != "A1")}),
                tmp_path / "s.season.json")
    rows = ["Athlete ID,Date,Minutes,RPE"] + [f"A1,{x.date.isoformat()},{x.minutes:g},{x.rpe:g}" for x in a1]
    (tmp_path / "log.csv").write_text("\n".join(rows) + "\n")
    r = run("log", "s.season.json", "log.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    expected = figures(s)["A1"].flags
    assert expected and all(line in r.stdout for line in expected)


def test_log_names_first_who_logged_far_off_the_plan(tmp_path):
    """An athlete who logged 2.5 times his planned week was one flag line among many: 'log'
    now starts with the athletes whose logged week differs from the plan, the farthest first,
    before the flags; one logged as planned is not among them."""
    from planner.load import off_plan_heading
    from tests.planner.test_load import _logged_as

    s = _logged_as({"A1": 1.0, "A2": 1.3, "A3": 2.5})
    save_season(s.model_copy(update={"sessions": ()}), tmp_path / "s.season.json")
    rows = ["Athlete ID,Date,Minutes,RPE"] + [
        f"{x.athlete},{x.date.isoformat()},{x.minutes:g},{x.rpe:g}" for x in s.sessions]
    (tmp_path / "log.csv").write_text("\n".join(rows) + "\n")
    r = run("log", "s.season.json", "log.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    k = out.index(off_plan_heading())
    assert out[k + 1].startswith("  Athlete 3 (A3): week of 8 Feb 2027: logged ")
    assert out[k + 2].startswith("  Athlete 2 (A2): week of 8 Feb 2027: logged ")
    assert "(+150 % on the plan)" in out[k + 1]
    assert not out[k + 3].startswith("  ")  # the flags follow; A1, logged as planned, is not named
    assert not any(x.startswith("  Athlete 1 (A1)") for x in out)
    assert any(x.startswith("Athlete") and "week of" in x for x in out[k + 3:])


def test_log_of_several_weeks_names_each_week_off_the_plan_and_the_deload_not_kept(tmp_path):
    """A log of six weeks named the last one alone, and the deload logged at +80 % three weeks
    back was flagged nowhere: 'log' lists each week it covers that is off the plan, and 'load'
    flags the deload in its table and its CSV."""
    from tests.planner.test_load import _a3_logged, _off_pct

    s, mine = _a3_logged({0: 1.0, 1: 1.5, 2: 1.8, 3: 1.0, 4: 1.6, 5: 0.55})
    save_season(s.model_copy(update={"sessions": tuple(x for x in s.sessions if x not in mine)}),
                tmp_path / "s.season.json")
    rows = ["Athlete ID,Date,Minutes,RPE"] + [
        f"{x.athlete},{x.date.isoformat()},{x.minutes!r},{x.rpe:g}" for x in mine]
    (tmp_path / "log.csv").write_text("\n".join(rows) + "\n")
    r = run("log", "s.season.json", "log.csv", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    k = out.index("Logged differs from the plan by more than 20 % in the 6 weeks just logged, "
                  "each athlete's farthest off first:")
    assert [x.split(": ")[1] for x in out[k + 1:k + 4]] == [
        "week of 18 Jan 2027", "week of 1 Feb 2027", "week of 11 Jan 2027"]
    assert out[k + 4].startswith("  Athlete 3 (A3): and 1 more week off the plan: week of 8 Feb")
    deload = _off_pct(s, mine, 2)
    r = run("load", "s.season.json", "--athlete", "A3", "--csv", "load.csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    with open(tmp_path / "load.csv", encoding="utf-8-sig", newline="") as fh:
        row = next(x for x in csv.DictReader(fh) if x["week"] == "2027-01-18")
    assert f"deload not kept: logged +{deload} % on plan" in row["flags"]
    r = run("load", "s.season.json", "--athlete", "A3", cwd=tmp_path)
    [line] = [x for x in r.stdout.splitlines() if x.startswith("2027-01-18")]
    assert line.endswith(f"deload not kept: logged +{deload} % on plan") or \
        f"deload not kept: logged +{deload} % on plan;" in line


def test_check_lists_each_load_spike_with_soft_ld1(folder):
    from planner.check import check_plan

    s = load_season(folder / "s.season.json")
    spikes = [v for v in check_plan(s, s.plan).soft if v.rule == "LD-1"]
    assert spikes, "the test season should have a spike to list"
    r = run("export", "s.season.json", "--json", "plan.json", cwd=folder)
    assert r.returncode == 0, r.stderr
    r = run("check", "s.season.json", "plan.json", "--soft", "LD-1", cwd=folder)
    assert r.returncode in (0, 3), r.stderr  # 3: the hand-made plan breaks hard rules too
    lines = [x for x in r.stdout.splitlines() if x.startswith("LD-1")]
    assert len(lines) == len(spikes)
    for v, line in zip(spikes, lines, strict=True):
        assert v.athlete in line and f"{v.start.isoformat()}..{v.end.isoformat()}" in line
        assert "(soft, penalty 0)" in line and "times the chronic load" in line
    assert "hard violation(s); soft:" in r.stdout.splitlines()[-1]
    plain = run("check", "s.season.json", "plan.json", cwd=folder)
    assert not any(x.startswith("LD-1") for x in plain.stdout.splitlines())
    bad = run("check", "s.season.json", "plan.json", "--soft", "HV-9", cwd=folder)
    assert bad.returncode != 0 and "'HV-9' is not a soft rule" in bad.stderr
    # in the usage line's order: the season after --soft was taken for the RULE
    first = run("check", "--soft", "s.season.json", "plan.json", cwd=folder)
    every = run("check", "s.season.json", "plan.json", "--soft", cwd=folder)
    assert first.returncode == every.returncode and first.stdout == every.stdout, first.stderr
    assert "(soft, penalty" in first.stdout
    ld1 = run("check", "--soft", "LD-1", "s.season.json", "plan.json", cwd=folder)
    assert ld1.stdout == r.stdout, ld1.stderr


def _aligned(out: str) -> bool:
    """Does every row of each table end each figure (planned to strain) where its heading ends?
    A ratio of two decimals in a column that holds one of three (a flag's figure) ends a place
    before it: the columns' decimal points are aligned."""
    import re

    edges, ok = None, True
    for line in out.splitlines():
        if line.startswith("week "):
            edges = [line.index(h) + len(h) for h in
                     ("planned", "logged", "load", "change", "ACWR", "EWMA", "monot.", "strain")]
        elif edges is not None and re.match(r"\d{4}-\d\d-\d\d  ", line):
            ok = ok and all((line[e - 1] != " " or line[e - 2] != " ") and line[e:e + 1] in ("", " ")
                            for e in edges)
        else:
            edges = None
    return ok


def test_every_row_stays_under_its_headings(tmp_path):
    """An EWMA ratio given 3 decimals (0.802: not to read as the 0.80 limit) ran into the ACWR
    beside it ("0.76 0.802"), and a partial first week's "pre-season (2 d)" pushed its whole row
    6 characters right of the headings. Each column is as wide as its widest cell, with a space
    before a number."""
    from tests.planner.test_load import _season

    s = _season()
    sessions = tuple(x for x in s.sessions if x.athlete != "A1" or (x.date - s.calendar.start).days >= -9)
    save_season(s.model_copy(update={"sessions": sessions}), tmp_path / "s.season.json")
    r = run("load", "s.season.json", "--athlete", "A1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "pre-season (" in r.stdout, r.stdout  # the series starts mid-week: a partial week
    assert _aligned(r.stdout), r.stdout
    from ui.cli import load as cli

    f = figures(s)["A1"]
    w = f.weeks[-1]
    import dataclasses

    # a flagged ratio that two decimals would show as its threshold keeps a third: the column
    # is as wide as it
    wide = dataclasses.replace(f, weeks=f.weeks[:-1] + (dataclasses.replace(w, ewma_ratio=0.7994,
                                                                            acwr=0.76),))
    out = cli.table(wide)
    assert "0.76  0.799" in out, out
    assert _aligned(out), out


def test_no_sessions_logged_is_said_once(folder):
    """`periodize load FILE --athlete A1` of a season without a log printed "Athlete 1 (A1): no
    sessions logged: planned figures only." and, right under it, "Athlete 1 (A1); no sessions
    logged"."""
    r = run("load", "nolog.season.json", "--athlete", "A1", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("no sessions logged") == 1, r.stdout
    assert "Athlete 1 (A1): no sessions logged: planned figures only." in r.stdout
    r = run("load", "nolog.season.json", cwd=folder)
    assert r.stdout.count("no sessions logged") == 1, r.stdout
    r = run("load", "s.season.json", cwd=folder)  # a season with a log: A3's heading says it
    assert "Athlete 3 (A3); no sessions logged" in r.stdout
