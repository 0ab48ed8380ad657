"""Players pasted into the Squad list (planner.squadpaste): read as the form and the workbook
read them, every bad line named with its fix, the next free IDs."""

from __future__ import annotations

from planner.squad import next_ids
from planner.squadpaste import read_pasted
from tests.builders import tiny_season


def test_next_ids_follow_the_squads_pattern():
    assert next_ids([f"H{k:02d}" for k in range(1, 19)], 2) == ["H19", "H20"]
    assert next_ids([], 3) == ["A01", "A02", "A03"]
    assert next_ids(["A01", "A03", "GK"], 2) == ["A04", "A05"]  # after the highest, none taken
    assert next_ids(["B1", "C1", "B2"], 1) == ["B3"]  # a tie: the pattern met first


def test_next_ids_give_none_that_reads_as_an_id_taken():
    """"A04" was given beside an "A4", which the importer and the command line read as the same
    ID (planner.squad.id_form)."""
    from planner.squad import near_id

    ids = ["A01", "A02", "A03", "A4", "A5"]
    given = next_ids(ids, 2)
    assert given == ["A06", "A07"]
    assert all(near_id(g, ids) is None for g in given)
    assert next_ids(["A01"], 2, taken=["a 2"]) == ["A03", "A04"]  # nor one of ``taken``'s


def test_comma_separated_lines_with_a_decimal_comma_and_a_header():
    season = tiny_season()
    pasted = read_pasted("name, position, max speed\nAnn Bell, Forward, 9,6\n"
                         "Bo Chan, \"Defender\", \"8,5\"\nCy Dee,CB,33.1 km/h\n", season, "out")
    assert pasted.problems == []
    assert [(a.id, a.name, a.position, a.max_speed, a.role) for a in pasted.athletes] == [
        ("A4", "Ann Bell", "Forward", 9.6, "out"), ("A5", "Bo Chan", "Defender", 8.5, "out"),
        ("A6", "Cy Dee", "CB", 9.19, "out")]
    assert pasted.notes == ["line 4: 'CB' is a group of its own, not Goalkeeper, Defender, "
                            "Midfielder or Forward (HV-1's goalkeeper exemption reads the "
                            "position)"]


def test_a_goalkeeper_pasted_in_german_is_a_goalkeeper_said():
    """A pasted 'Torwart' was a group of its own, and HV-1's exemption (Goalkeeper) missed him."""
    pasted = read_pasted("Lukas Öztürk\tTorwart\t8.9\nJan Feld\tTorhüter\t9.1\n", tiny_season(), "start")
    assert [a.position for a in pasted.athletes] == ["Goalkeeper", "Goalkeeper"]
    assert pasted.notes == ["line 1: 'Torwart' is read as Goalkeeper",
                            "line 2: 'Torhüter' is read as Goalkeeper"]


def test_players_pasted_without_a_max_speed_are_said_with_the_fix():
    """A pasted row with an empty speed went in silently; only Plan Check said it, after a
    solve. The paste's note names them and what their speed days say until one is recorded;
    more than three are counted. How to record it is the Squad editor's to say, not the
    planner's ("select him and type it under Max speed" was written here)."""
    season = tiny_season()
    pasted = read_pasted("Ann Bell\tForward\t9.6\nSid Nash\tDefender\t\n", season)
    assert pasted.notes == ["1 without a max speed: Sid Nash (A5) (until one is recorded their speed "
                            "days say 'max speed not measured')"]
    five = read_pasted("".join(f"P{k}\tForward\n" for k in range(5)), season).notes
    assert five == ["5 without a max speed: P0 (A4), P1 (A5), P2 (A6) and 2 more (until one is "
                    "recorded their speed days say 'max speed not measured')"]
    assert not any("select" in n or "Max speed" in n for n in pasted.notes + five)
    assert read_pasted("Ann Bell\tForward\t9.6\n", season).notes == []


def test_a_bad_line_adds_nothing_and_each_is_named_with_its_fix():
    season = tiny_season()
    pasted = read_pasted("Ann Bell\tForward\t9.6\nAnn bell\tForward\nDan Eve\tMF\t60\n"
                         "Eli Fox\tDF\t9\tA9\textra\n", season)
    assert pasted.athletes == [] and pasted.notes == []
    assert pasted.problems[0] == "line 2: Ann bell is on line 1 too; leave one out"
    assert pasted.problems[1].startswith("line 3: Max speed: ")
    assert pasted.problems[2] == ("line 4: 5 columns; paste Name, Position, Max speed (the IDs "
                                  "are given)")
    assert read_pasted("\n \n", season).problems == [
        "nothing to add; copy rows of Name, Position, Max speed from a spreadsheet"]


def test_a_correct_spelling_is_not_sent_to_another_lines_typo():
    """"Winger" on one line and "Wingr" on the next: each line was asked "Did you mean" the
    other's spelling. A position is offered when more players would hold it than the typed one."""
    season = tiny_season()
    own = ("'{}' is a group of its own, not Goalkeeper, Defender, Midfielder or Forward (HV-1's "
           "goalkeeper exemption reads the position)")
    assert read_pasted("Ann\tWinger\t9\nBo\tWingr\t9\n", season).notes == [
        f"line 1: {own.format('Winger')}", f"line 2: {own.format('Wingr')}"]
    # two players' Winger is offered for the third's Wingr, and not the other way round
    assert read_pasted("Ann\tWinger\t9\nBo\tWingr\t9\nCy\twinger\t9\n", season).notes == [
        f"line 1: {own.format('Winger')}",
        "line 2: Did you mean Winger? 'Wingr' as typed is a group of its own (HV-1's goalkeeper "
        "exemption reads the position)"]


def test_a_name_the_season_refuses_is_said_by_its_column_not_in_pydantics_words():
    """Review 280: "line 6: 1 validation error for Athlete\\nname\\n  Value error, holds a
    text-direction mark …" and "String should have at most 200 characters" reached the coach."""
    long_name = "Very Long " + "x" * 300
    pasted = read_pasted(f"Zed\u202eRev\tMid\t9\nAnn\x07Bell\tMid\t9\n{long_name}\tMid\t9\n",
                         tiny_season())
    assert pasted.athletes == []
    assert pasted.problems == [
        "line 1: Name: holds a text-direction mark (U+202E), which turns the text after it "
        "around on the board and in exports; remove it",
        "line 2: Name: holds a control character (U+0007); remove it",
        f"line 3: Name: '{long_name[:59]}… (310 characters) is too long; use at most 200 "
        f"characters"]
