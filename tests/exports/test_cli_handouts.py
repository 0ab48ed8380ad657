"""``periodize export SEASON --handouts DIR``: one PDF per athlete, from the stored plan."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from planner.seasonfile import save_season
from tests.e2e.test_cli import run as _cli  # in this process: the export, not a process, is tested
from tests.exports.demo import solved_demo


def test_export_writes_a_handout_pdf_per_athlete(tmp_path):
    season = solved_demo()
    save_season(season, tmp_path / "demo.season.json")
    r = _cli("export", "demo.season.json", "--handouts", "handouts", "--anonymise", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    files = sorted((tmp_path / "handouts").iterdir())
    assert [f.name for f in files] == sorted(f"{a.id}.pdf" for a in season.athletes)
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert "Wrote 24 handout PDF(s) (anonymised), a page per athlete and week" in r.stdout


def test_handouts_need_a_stored_plan(tmp_path):
    season = solved_demo().model_copy(update={"plan": None})
    save_season(season, tmp_path / "demo.season.json")
    r = _cli("export", "demo.season.json", "--handouts", "handouts", cwd=tmp_path)
    assert r.returncode == 1 and "has no stored plan for --handouts" in r.stderr
    assert not (tmp_path / "handouts").exists()


def _pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", path.read_bytes()))


def test_handouts_of_chosen_weeks_only(tmp_path):
    """``--weeks`` gives the handouts of the weeks a coach hands out (this week, or a block of
    them) instead of the whole season; a week it cannot read is refused, nothing written."""
    season = solved_demo()
    save_season(season, tmp_path / "demo.season.json")
    r = _cli("export", "demo.season.json", "--handouts", "ho", "--weeks", "12-14", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "a page per athlete and week (weeks 12-14, 19 Oct to 8 Nov 2026), to ho" in r.stdout
    files = sorted((tmp_path / "ho").iterdir())
    assert len(files) == 24 and all(_pages(f) == 3 for f in files)
    # a date (day first, as the app's fields read it): the week holding it
    r = _cli("export", "demo.season.json", "--handouts", "ho", "--weeks", "16/12/2026", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "(week 20, 14 to 20 Dec 2026)" in r.stdout and _pages(tmp_path / "ho" / files[0].name) == 1
    # now with no today set (a new, imported or demo season): the week of its first day, the
    # today the app's banner and `periodize load` read (it was refused, sending the coach to advance)
    assert season.calendar.today is None
    r = _cli("export", "demo.season.json", "--handouts", "ho", "--weeks", "now", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "(week 1, 3 to 9 Aug 2026)" in r.stdout, r.stdout
    # now: the week of the season's today
    save_season(season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": dt.date(2026, 9, 2)})}), tmp_path / "demo.season.json")
    r = _cli("export", "demo.season.json", "--handouts", "ho", "--weeks", "now", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "(week 5, 31 Aug to 6 Sep 2026)" in r.stdout
    before = {f.name: f.read_bytes() for f in (tmp_path / "ho").iterdir()}
    for spec, said in (("41", "there is no week 41; the season has weeks 1 to 40"),
                       ("1.1.2030", "1 Jan 2030 is outside the season"),
                       ("14-12", "'14-12' ends before it starts"),
                       ("soon", "'soon' is neither a week number nor a date")):
        r = _cli("export", "demo.season.json", "--handouts", "ho", "--weeks", spec, cwd=tmp_path)
        assert r.returncode == 1 and f"--weeks: {said}" in r.stderr, (spec, r.stderr)
        assert "Traceback" not in r.stderr
    r = _cli("export", "demo.season.json", "--json", "plan.json", "--weeks", "3", cwd=tmp_path)
    assert r.returncode == 1 and "add --handouts DIR or --xlsx OUT.xlsx" in r.stderr
    assert not (tmp_path / "plan.json").exists()
    assert {f.name: f.read_bytes() for f in (tmp_path / "ho").iterdir()} == before
    # the workbook alone takes the weeks (its Calendar, week pages and Load table)
    r = _cli("export", "demo.season.json", "--xlsx", "plan.xlsx", "--weeks", "3", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "its Calendar, week pages and Load table hold week 3" in r.stdout, r.stdout


def test_the_weeks_of_an_export_keep_the_workbooks_calendar_to_them(tmp_path, capsys):
    """The export's weeks (``--weeks``) go to the workbook as to the handouts: its Calendar holds
    their days, and the export says which."""
    import openpyxl

    from ui.cli import outputs

    season = solved_demo()
    outputs.write(season, season.plan, {"xlsx": tmp_path / "plan.xlsx"}, False, weeks=[11, 12, 13])
    assert ("Wrote the workbook to " + str(tmp_path / "plan.xlsx") + "; its Calendar, week pages and "
            "Load table hold weeks 12-14, 19 Oct to 8 Nov 2026") in capsys.readouterr().out
    cal = openpyxl.load_workbook(tmp_path / "plan.xlsx", read_only=True)["Calendar"]
    dates = [row[0] for row in cal.iter_rows(min_row=2, max_col=1, values_only=True)]
    assert [d.date() for d in dates] == [dt.date(2026, 10, 19) + dt.timedelta(days=k) for k in range(21)]


def test_a_handouts_folder_that_cannot_be_created_names_the_option_to_give_another(
        tmp_path, monkeypatch, capsys):
    """A folder refused by its parent (immutable, not the coach's) said only "the folder could
    not be created (Operation not permitted)", where a workbook there said "choose another
    folder". Now the folders of --handouts and --ics say it, naming the option; nothing is
    written."""
    import errno

    from ui.cli.main import main

    save_season(solved_demo(), tmp_path / "demo.season.json")
    made = Path.mkdir

    def refused(self, *a, **k):
        if self.parent == tmp_path:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(self))
        return made(self, *a, **k)

    monkeypatch.setattr(Path, "mkdir", refused)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    for kind in ("handouts", "ics"):
        assert main(["export", str(tmp_path / "demo.season.json"), f"--{kind}",
                     str(tmp_path / "out")]) == 1
        said = capsys.readouterr().err
        assert (f"out: the folder could not be created (Operation not permitted); choose another "
                f"folder (--{kind} DIR)") in said, said
        assert not (tmp_path / "out").exists()


def test_handouts_leave_out_the_weeks_of_a_winter_break_and_say_so(tmp_path):
    """``--handouts --weeks 1-4`` over a two-week winter break wrote a page of "Rest day:
    Winterpause" ×7 per player for each break week: they are left out, and said."""
    from tests.exports.test_handout import _winter_break

    save_season(_winter_break(range(7, 21)), tmp_path / "w.season.json")
    r = _cli("export", "w.season.json", "--handouts", "ho", "--weeks", "1-4", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "  2 weeks without training left out: Winterpause.\n" in r.stdout
    files = sorted((tmp_path / "ho").iterdir())
    assert len(files) == 2 and all(_pages(f) == 2 for f in files)
