"""Athletes named by ID or by name wherever the CLI takes one; an unknown one lists the IDs
(issue 14)."""

from __future__ import annotations

import pytest

from planner.errors import InputError
from tests.e2e.test_cli import run as run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("names")
    assert run_cli("demo", "-o", "d.season.json", cwd=folder).returncode == 0
    r = run_cli("solve", "d.season.json", "--save", "--time-limit", "60", cwd=folder)
    assert r.returncode == 0, r.stderr
    return folder


def test_explain_takes_a_name(demo):
    by_id = run_cli("explain", "d.season.json", "--athlete", "A07", "--date", "2026-09-02", cwd=demo)
    by_name = run_cli("explain", "d.season.json", "--athlete", "  kofi   MENSAH ", "--date", "2026-09-02", cwd=demo)
    assert by_id.returncode == 0 == by_name.returncode, by_name.stderr
    assert by_id.stdout == by_name.stdout and "Kofi Mensah" in by_name.stdout


def test_explain_return_takes_a_name(demo):
    r = run_cli("explain", "d.season.json", "--return", "Kofi Mensah", cwd=demo)
    assert r.returncode == 0, r.stderr
    assert "earliest return to FIT" in r.stdout


def test_whatif_takes_names_everywhere(demo):
    r = run_cli("whatif", "d.season.json", "--new", "Names", "--flare-up", "Kofi Mensah", "2026-10-20",
                "--unavailable", "tom berger", "2026-10-05", "2026-10-07",
                "--pin", "Sam Okafor", "2026-10-06", "80", "--time-limit", "10", cwd=demo)
    assert r.returncode == 0, r.stderr
    assert "Flare-up" in r.stdout or "flare-up" in r.stdout


@pytest.mark.parametrize("args", [
    ("explain", "d.season.json", "--athlete", "Nobody", "--date", "2026-09-02"),
    ("explain", "d.season.json", "--return", "Nobody"),
    ("whatif", "d.season.json", "--new", "x", "--flare-up", "Nobody", "2026-10-20"),
    ("whatif", "d.season.json", "--new", "x", "--injury", "Nobody", "hamstring-strain", "2026-10-20"),
    ("whatif", "d.season.json", "--new", "x", "--role", "Cup final", "Nobody", "out"),
    ("whatif", "d.season.json", "--new", "x", "--stage-start", "Nobody", "P3", "2026-10-20"),
    ("whatif", "d.season.json", "--new", "x", "--unavailable", "Nobody", "2026-10-20", "2026-10-21"),
    ("whatif", "d.season.json", "--new", "x", "--pin", "Nobody", "2026-10-20", "80"),
])
def test_an_unknown_athlete_lists_the_ids(demo, args):
    r = run_cli(*args, cwd=demo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "no athlete has the ID or name 'Nobody'; the athletes are A01 " in r.stderr
    assert "A07 Kofi Mensah" in r.stderr


def test_a_near_miss_is_suggested(demo):
    r = run_cli("explain", "d.season.json", "--return", "Kofi Mensa", cwd=demo)
    assert r.returncode == 1 and "did you mean Kofi Mensah (A07)?" in r.stderr


def test_the_start_of_several_names_names_them_and_a_misspelt_competition_is_suggested(demo):
    """'Ma' said "no athlete has the name" though it begins three; 'Cup finale' listed 43
    competitions without the one meant."""
    r = run_cli("load", "d.season.json", "--athlete", "Ma", cwd=demo)
    assert r.returncode == 1 and "'Ma' begins the names of 3 athletes (A05 Marco Ruiz, A12 Leo " \
        "Martin, A18 Mateo Silva); give the full name or the ID" in r.stderr, r.stderr
    r = run_cli("load", "d.season.json", "--athlete", "Kof", cwd=demo)
    assert r.returncode == 1 and "did you mean Kofi Mensah (A07)?" in r.stderr, r.stderr
    r = run_cli("whatif", "d.season.json", "--new", "x", "--move-competition", "Cup finale",
                "2027-05-01", cwd=demo)
    assert r.returncode == 1 and "no competition has the id or name 'Cup finale'; did you mean " \
        "'Cup final' (cup-final)? The competitions are" in r.stderr, r.stderr


def test_a_name_typed_with_decomposed_accents_is_the_same_name():
    import unicodedata

    from tests.builders import season
    from ui.cli.names import athlete_id

    s = season(weeks=1, athletes=2)
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "Kofi Mensáh"}),
                                          s.athletes[1].model_copy(update={"name": "Kofi Mensah"}))})
    assert athlete_id(s, unicodedata.normalize("NFD", "Kofi Mensáh"), "--x") == "A1"
    assert athlete_id(s, "kofi mensah", "--x") == "A2"


def test_a_name_typed_without_its_accents_is_the_one_athlete_so_named():
    """'jose muller' was "no athlete has the ID or name 'jose muller'; did you mean José Müller?",
    as a keyboard without accents types it."""
    from tests.builders import season
    from ui.cli.names import athlete_id

    s = season(weeks=1, athletes=3)
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "José Müller"}),
                                          s.athletes[1].model_copy(update={"name": "Ana Núñez"}),
                                          s.athletes[2].model_copy(update={"name": "Ana Nuñez"}))})
    assert athlete_id(s, "jose muller", "--x") == "A1"
    with pytest.raises(InputError, match="is the name of 2 athletes"):
        athlete_id(s, "Ana Nunez", "--x")


def test_a_name_typed_on_an_ascii_keyboard_is_the_one_athlete_so_named():
    """'Soren Odegaard' for Søren Ødegaard was "no athlete has the ID or name"; a phone's
    apostrophe (N’Golo) and a space for a hyphen (Jose Maria) too."""
    from tests.builders import season
    from ui.cli.names import athlete_id

    names = ("Łukasz Wójcik", "Søren Ødegaard", "Ævar Þórsson", "N'Golo Kanté", "José-María Núñez",
             "Lukasz Wójcik")
    s = season(weeks=1, athletes=len(names))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"name": n})
                                               for a, n in zip(s.athletes, names, strict=True))})
    for typed, aid in (("Soren Odegaard", "A2"), ("aevar thorsson", "A3"), ("N\u2019Golo Kante", "A4"),
                       ("Jose Maria Nunez", "A5"), ("Łukasz Wójcik", "A1")):
        assert athlete_id(s, typed, "--x") == aid, typed
    with pytest.raises(InputError, match="is the name of 2 athletes"):
        athlete_id(s, "Lukasz Wojcik", "--x")


def test_a_surname_or_first_name_typed_without_its_accents_is_the_one_athlete_so_named():
    """'--athlete Wojcik' was "no athlete has the ID or name 'Wojcik'; did you mean Łukasz
    Wójcik?" while 'Wójcik' and 'Lukasz Wojcik' were taken: a name alone is read accents aside
    as the whole name is, and refused as ambiguous when it is two athletes'."""
    from tests.builders import season
    from ui.cli.names import athlete_id

    names = ("Łukasz Wójcik", "N’Golo Kanté", "Søren Ødegaard", "Søren Berg", "Ana Núñez", "Ana Nuñez")
    s = season(weeks=1, athletes=len(names))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"name": n})
                                               for a, n in zip(s.athletes, names, strict=True))})
    for typed, aid in (("Wojcik", "A1"), ("Wójcik", "A1"), ("lukasz", "A1"), ("Lukasz Wojcik", "A1"),
                       ("Kante", "A2"), ("N'Golo", "A2"), ("odegaard", "A3"), ("Núñez", "A5")):
        assert athlete_id(s, typed, "--x") == aid, typed
    for typed, listed in (("Soren", "A3 Søren Ødegaard, A4 Søren Berg"),
                          ("Nunez", "A5 Ana Núñez, A6 Ana Nuñez")):
        with pytest.raises(InputError, match=f"'{typed}' is the name of 2 athletes \\({listed}\\); give the ID"):
            athlete_id(s, typed, "--x")


def test_a_surname_without_its_accent_is_taken_on_the_command_line(tmp_path):
    from planner.seasonfile import save_season
    from tests.builders import season

    s = season(weeks=2, athletes=2)
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "Łukasz Wójcik"}),
                                          s.athletes[1].model_copy(update={"name": "Tom Berg"}))})
    save_season(s, tmp_path / "w.season.json")
    assert run_cli("solve", "w.season.json", "--save", "--time-limit", "30", cwd=tmp_path).returncode == 0
    r = run_cli("load", "w.season.json", "--athlete", "Wojcik", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Łukasz Wójcik" in r.stdout and "Tom Berg" not in r.stdout


def test_a_blank_scenario_name_is_refused_in_words(demo):
    r = run_cli("whatif", "d.season.json", "--new", "   ", "--flare-up", "A07", "2026-10-20", cwd=demo)
    assert r.returncode == 1 and "--new: the scenario name is empty" in r.stderr, r.stderr
    assert "ValidationError" not in r.stderr and "unexpected" not in r.stderr


def test_weeks_now_after_the_seasons_end_says_so_and_names_the_last_week():
    """Today the day after the season (advance allows it): '--weeks now' said the season had no
    today and sent the coach to 'periodize advance', the command that set it."""
    from tests.builders import day, season
    from ui.cli.names import weeks

    s = season(weeks=3, athletes=1, today=day(21))
    with pytest.raises(InputError) as e:
        weeks(s, "now")
    text = str(e.value)
    assert "today (25 Jan 2027) is after the season's end (24 Jan 2027)" in text
    assert "the last week is 3 (18 to 24 Jan 2027): give --weeks 3" in text
    assert "has none in it" not in text
    assert weeks(s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(20)})}),
                 "now") == [2]


def test_weeks_now_without_a_today_is_the_first_week():
    """A season whose today was never moved: 'now' was refused ("this season has none in it")
    while the app's banner and `periodize load` read today as its first day; now the same."""
    from tests.builders import season
    from ui.cli.names import weeks

    s = season(weeks=3, athletes=1)
    assert s.calendar.today is None
    assert weeks(s, "now") == [0]


def test_an_id_typed_with_a_space_or_without_its_leading_zero_is_proposed_not_taken():
    """'A 05' was proposed as A05 and 'A5' was not ("A22 is not A27" kept it from the
    proposal), while a session log read both as another squad's players: the command line,
    the log and the coach workbook share one near-an-ID test (planner.squad.near_id)."""
    from tests.builders import season
    from ui.cli.names import athlete_id

    s = season(weeks=1, athletes=2)
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"id": "A05"}),
                                          s.athletes[1].model_copy(update={"id": "A27"}))})
    for typed in ("A 05", "a5", "A005"):
        with pytest.raises(InputError, match=f"no athlete has the ID or name '{typed}'; did you "
                                             f"mean {s.athletes[0].name} \\(A05\\)?"):
            athlete_id(s, typed, "--x")
    with pytest.raises(InputError) as e:
        athlete_id(s, "A22", "--x")
    assert "did you mean" not in str(e.value)


def test_an_id_typed_with_a_look_alike_letter_is_told_the_id_it_looks_like(tmp_path):
    """'A1O' (the letter O) was told "did you mean 'A21'?" on the coach workbook, the obvious
    fix being A10: the log, the workbook and the command line now suggest the one ID that
    differs only by look-alike characters (O/0, I/1/l, S/5, B/8) and case before any close
    one (planner.squad.near_id), with the demo squad's IDs."""
    import openpyxl

    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form
    from planner.seasonfile import load_season
    from planner.sessionlog import read_sessions
    from planner.squad import near_id
    from templates import path as template_path
    from ui.cli.names import athlete_id

    s = load_season(template_path("demo.season.json"))
    ids = [a.id for a in s.athletes]
    typed = {"A1O": "A10", "AO5": "A05", "A2l": "A21", "aI3": "A13", "A2O": "A20"}
    assert {t: near_id(t, ids) for t in typed} == typed
    assert near_id("A1O", ["A10", "AIO"]) is None  # two look alike: neither is proposed
    for t, meant in typed.items():
        with pytest.raises(InputError) as e:
            athlete_id(s, t, "--athlete")
        assert f"did you mean {s.athlete(meant).name} ({meant})?" in str(e.value)
    day = s.calendar.start.isoformat()
    log = tmp_path / "log.csv"
    log.write_text(f"Athlete ID,Date,Minutes,RPE\nA1O,{day},90,6\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_sessions(log, s)
    assert e.value.problems == ["row 2, Athlete ID: 'A1O': no athlete has that ID or name; did "
                                f"you mean {s.athlete_label('A10')}?"]
    form = tmp_path / "coach.xlsx"
    save_template_form(s, form)
    wb = openpyxl.load_workbook(form)
    wb["Sessions"].append(["A1O", s.calendar.start, 90, 6])
    wb.save(form)
    with pytest.raises(InputError) as e:
        import_workbook(form)
    said = [p for p in e.value.problems if "'A1O'" in p]
    assert said and said[0].endswith("no athlete has the ID 'A1O'; did you mean 'A10'?"), said
