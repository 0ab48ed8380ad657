"""Words shared by the app, the command line and the exports (planner.text)."""

import datetime as dt

from planner.text import iso_day, plain_name, short_title, weekday_word, weekdays_words


def test_a_title_drops_long_asides_keeps_short_ones_and_never_ends_inside_a_parenthesis():
    """A scenario named after its change ("Kofi Mensah (A07): flare-up on Wed 11 Nov 2026 (back
    to full training since …") was cut at 100 characters, mid-parenthesis."""
    said = ("Kofi Mensah (A07): flare-up on Wed 11 Nov 2026 (back to full training since 5 Oct "
            "2026, 37 days before: it moves them back to S3 (the last stage) and the rest)")
    assert short_title(said) == "Kofi Mensah (A07): flare-up on Wed 11 Nov 2026"
    assert short_title("Add competition 'Friendly' (C) on 4 Feb 2027") == (
        "Add competition 'Friendly' (C) on 4 Feb 2027")
    long = "Move " + " ".join(f"match{k}" for k in range(30))
    title = short_title(long, 40)
    assert len(title) <= 40 and title.endswith("…") and long.startswith(title[:-1])
    assert title[-2] != " " and "match" in title  # cut between words
    # brackets that are not a trailing aside are the coach's words: left as they are
    for name in ("Cup :( replay", "Cup (round 2", "Regional Cup (Under-21 qualifiers)"):
        said = f"Add competition '{name}' (C) on 4 Feb 2027"
        assert short_title(said) == said
    aside = "(a change that is nothing but an aside in brackets)"
    assert short_title(aside) == aside
    nested = ("Kofi Mensah (A07): flare-up on Wed 11 Nov 2026 (back since 5 Oct (37 days): back "
              "to S3)")
    assert short_title(nested) == "Kofi Mensah (A07): flare-up on Wed 11 Nov 2026"


def test_the_no_conflict_set_words_are_the_planners_not_the_solvers():
    """What a coach reads when no small conflicting set was found (both front ends say it) sat
    in solver/api.py, coach words in the solver layer; the texts are planner.text's."""
    import solver.api
    from planner.text import no_conflict_set_text

    said = no_conflict_set_text("Solve again with more time", "take back the latest changes")
    assert said.startswith("No small set of rules that cannot all hold together was found")
    assert "Solve again with more time; or take back the latest changes one at a time" in said
    assert not hasattr(solver.api, "no_conflict_set_text")


def test_a_plain_name_folds_the_letters_no_accent_makes_and_reads_apostrophes_and_hyphens_alike():
    pairs = {"Łukasz Wójcik": "lukasz wojcik", "Søren Ødegaard": "soren odegaard",
             "Ævar Þórsson": "aevar thorsson", "Œuvre Đorđe Ðan": "oeuvre dorde dan",
             "Anna-Lena Weiß": "anna lena weiss", "Yıldız": "yildiz",
             "N\u2019Golo  Kanté": "n'golo kante", "N\u2018Golo": "n'golo", "N\u02bcGolo": "n'golo",
             "N`Golo": "n'golo", "José\u2011María": "jose maria"}
    for name, plain in pairs.items():
        assert plain_name(name) == plain, name
    assert plain_name("José-María Núñez", hyphens=True) == "jose-maria nunez"


def test_weekdays_in_words_follow_the_week_whatever_order_they_are_kept_in():
    """The explanation's "the team trains on ... (Tuesdays and Thursdays)" and every other
    sentence naming training weekdays."""
    assert weekdays_words(("thu", "tue")) == "Tuesdays and Thursdays"
    assert weekdays_words(("sat", "mon", "wed")) == "Mondays, Wednesdays and Saturdays"
    assert weekdays_words(("sun",)) == "Sundays"
    assert weekdays_words(()) == ""


def test_a_weekday_in_words_is_the_one_the_weekdays_are_said_with():
    """"one more weekday is enough: Monday" and "Mondays and Thursdays" name a day alike."""
    assert [weekday_word(d) for d in ("mon", "thu", "sun")] == ["Monday", "Thursday", "Sunday"]
    assert weekdays_words(("thu", "mon")) == f"{weekday_word('mon')}s and {weekday_word('thu')}s"


def test_an_iso_day_is_read_alike_by_the_log_the_workbook_and_the_command_line():
    """The session log, the coach workbook and ``read_date`` read an ISO date through it."""
    d = dt.date(2026, 11, 3)
    assert [iso_day(t) for t in ("2026-11-03", " 2026-11-3T18:00:00Z ", "2026-11-03 00:00:00")] == [d, d, d]
    # a day no calendar has, and text of another form: no day (their readers say why)
    assert [iso_day(t) for t in ("2027-02-30", "2026-13-01", "03/11/2026", "20261103", "")] == [None] * 5
