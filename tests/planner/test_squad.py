"""The squad's words every view shows (planner.squad), without Qt."""

from __future__ import annotations

import re

from planner.squad import display_order, fitted_position, order_words, rehab_status, short_position
from tests.builders import day, injury, season


def test_the_squad_status_says_who_is_injured_now_who_is_back_and_whose_injury_is_ahead():
    """At the planning start: a stage other than FIT is "injured (P2)"; a record whose stage
    is FIT "back from injury", or "injury planned" once another onset is ahead; only an
    onset ahead is "injury planned"; no record, no word."""
    back = injury("A1", "FIT", start_day=-10, history=(("S3", -20),))
    s = season(weeks=4, athletes=4, today=day(0), injuries=(
        back, injury("A2", "P2", start_day=-3), injury("A3", "P1", start_day=10, onset_day=10)))
    assert [rehab_status(s, a.id) for a in s.athletes] == [
        "back from injury", "injured (P2)", "injury planned", None]
    # an operation planned for the athlete who is back: that is his news
    planned = s.model_copy(update={"injuries": s.injuries + (
        injury("A1", "P1", start_day=12, onset_day=12),)})
    assert rehab_status(planned, "A1") == "injury planned"
    # a record of a protocol this computer does not have: injured, its stage not known here
    other = s.model_copy(update={"injuries": (
        injury("A4", "P1", start_day=-2).model_copy(update={"protocol": "knee-from-another-club"}),)})
    assert rehab_status(other, "A4") == "injured"
    # the planning start follows today: once past the onset, the planned injury is his stage
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})})
    assert rehab_status(later, "A3") == "injured (P1)"


def test_short_positions_tell_apart_the_positions_of_another_sport_where_they_would_be_cut():
    """Basketball's positions cut to four letters read "Shoo", "Smal", "Powe" on the Overview and
    "Sh…" on the board: where the label does not fit, several words give their initials; where
    it fits ("Holding midfielder" on a page with room) it is kept as typed."""
    four = lambda t: len(t) <= 4  # noqa: E731 (the Overview's column)
    labels = [fitted_position(p, four) for p in ("Point guard", "Shooting guard", "Small forward",
                                                  "Power  forward", "Center", "Goalie",
                                                  "Midfielder", "Left wing back winger extra")]
    assert labels == ["PG", "SG", "SF", "PF", "Cent", "GK", "MF", "Left wing back winger extra"]
    assert fitted_position("Holding midfielder", lambda t: True) == "Holding midfielder"
    assert short_position("Shooting guard") == "Shooting guard"


def test_a_single_word_position_that_does_not_fit_gets_a_whole_short_form():
    """Basketball's "Center" read "Ce…" on the board beside PG, SG, SF and PF: one word that does
    not fit is as much of its start as fits, ending on a consonant, never cut with "…"; parts
    joined by hyphens give their initials; what fits stays as typed."""
    three = lambda t: len(t) <= 3  # noqa: E731
    four = lambda t: len(t) <= 4  # noqa: E731
    assert [fitted_position(p, three) for p in ("Center", "Defense", "Pivot", "Wing", "Scrum-half",
                                                "Centre-back", "Goalie", "Forward", "PG")] == [
        "Cen", "Def", "Piv", "Win", "SH", "CB", "GK", "FW", "PG"]
    assert [fitted_position(p, four) for p in ("Center", "Flanker", "Wing", "Prop")] == [
        "Cent", "Flan", "Wing", "Prop"]
    # nothing fits: the label, for the caller to cut
    assert fitted_position("Center", lambda t: False) == "Center"


def test_a_one_word_short_form_measures_no_start_past_the_first_that_does_not_fit():
    """Every start of the word was measured (60 measures for one long position, on every paint
    of the board): widths only grow, so the cut stops at the first start too wide."""
    asked: list[str] = []

    def three(t: str) -> bool:
        asked.append(t)
        return len(t) <= 3

    word = "Wicketkeeperbatsmanallrounder" * 2
    assert fitted_position(word, three) == "Wic"
    assert len(asked) <= 5, asked  # the label, its first letter, Wi, Wic, Wick
    assert max(len(t) for t in asked if t != word) == 4


def test_odd_positions_get_short_forms_of_their_words():
    """"Forward (left)" read "F(", "#10 playmaker" "#P", "Wing Attack Mid Left" "W…" (its four
    initials never checked to fit, then cut) and "ßweeper x" "SSX": initials come from each
    word's first letter (words with none left out) and only where they fit, else the start of
    the position is cut to its last whole word's end; one letter is upper-cased as one letter."""
    three = lambda t: len(t) <= 3  # noqa: E731
    four = lambda t: len(t) <= 4  # noqa: E731
    assert fitted_position("Forward (left)", three) == "FL"
    assert fitted_position("Guard / Forward", three) == "GF"
    assert fitted_position("#10 playmaker", three) == "#10"
    assert fitted_position("Wing Attack Mid Left", four) == "WAML"
    assert fitted_position("Wing Attack Mid Left", three) == "Win"
    assert fitted_position("Wing Attack Mid Left", lambda t: len(t) <= 6) == "WAML"
    # initials measured: four wide letters in a room for three
    narrow = lambda t: sum(2 if ch in "WM" else 1 for ch in t) <= 5  # noqa: E731
    short = fitted_position("Wing Attack Mid Left", narrow)
    assert narrow(short) and short == "Wing"
    assert fitted_position("Left back (cover)", lambda t: len(t) <= 5) == "LBC"
    assert fitted_position("Left (cover)", lambda t: len(t) <= 6) == "LC"
    assert fitted_position("ßweeper x", three) == "ßX"
    assert fitted_position("Wing (left)", lambda t: len(t) <= 5 and t != "WL") == "Wing"
    for typed in ("Forward (left)", "#10 playmaker", "Wing Attack Mid Left", "ßweeper x"):
        for room in (three, four):
            assert room(fitted_position(typed, room)), typed


def test_a_german_goalkeeper_name_is_exempt_by_hv1_wherever_it_is_written():
    """'Torwart' was read as Goalkeeper only where typed: a season that stored 'Torwart' was not
    exempt by HV-1 (though told it read as Goalkeeper), and an exempt list of 'Torwart' no longer
    matched a keeper whose position was read as Goalkeeper."""
    from planner.rules import RuleSet
    from planner.squad import hv1_exempt, read_position, unknown_position_note

    s = season(weeks=2, athletes=2)
    default = RuleSet(s.rules)
    assert hv1_exempt(default, "Torwart") and hv1_exempt(default, " TW ")
    assert unknown_position_note("Torwart") == "'Torwart' is read as Goalkeeper"
    german = RuleSet(s.rules.model_copy(update={"values": {"HV-1": {"exempt_positions": ["Torwart"]}}}))
    assert read_position("Torwart") == "Goalkeeper"
    assert hv1_exempt(german, read_position("Torwart")) and hv1_exempt(german, "GK")
    assert not hv1_exempt(german, "Midfielder") and not hv1_exempt(default, "Mittelfeld")


def _with_positions(s, positions):
    return s.model_copy(update={"athletes": tuple(
        a.model_copy(update={"position": p}) for a, p in zip(s.athletes, positions, strict=True))})


def test_the_printed_order_names_the_squads_own_positions_not_footballs():
    """A basketball coach's printed Overview said the squad was listed "then by position
    (goalkeepers, defenders, midfielders, forwards)": words of football, and not what the order
    does with positions it does not know (the order they first appear). A football squad keeps
    its words; any other names its positions as typed, in the order the list puts them."""
    base = season(weeks=2, athletes=6, injuries=(injury("A1", "P2"),))
    hoops = _with_positions(base, ["Center", "Point guard", "Shooting  guard", "point guard",
                                   "Center", "Power forward"])
    words = order_words(hoops)
    assert words == ("In rehab today, listed first: Athlete 1; then by position: Center, Point "
                     "guard, Shooting guard, Power forward.")
    listed = [" ".join(a.position.split()).lower() for a in display_order(hoops)[1:]]
    assert list(dict.fromkeys(listed)) == [p.lower() for p in
                                           words.split(": ")[-1].rstrip(".").split(", ")]
    assert "goalkeeper" not in words and "midfielder" not in words
    # football's known positions first, then the others: said in that order
    mixed = _with_positions(base, ["Winger", "Winger", "Prop", "GK", "Winger", "Defender"])
    assert order_words(mixed).endswith("; then by position: GK, Defender, Winger, Prop.")
    # a football squad (however spelled) keeps football's words
    football = _with_positions(base, ["Forward", "GK", "Defender", "MF", "Goalkeeper", "st"])
    assert order_words(football).endswith(
        "; then by position (goalkeepers, defenders, midfielders, forwards).")
    # no positions at all: the order is by ID, and says so
    assert order_words(_with_positions(base, [""] * 6)).endswith("; then by ID.")


def test_a_short_position_never_changes_a_number():
    """A U16 coach's "no 10" read "no 1" on the board (a shirt 1, a goalkeeper). A short form
    keeps every number of the position whole: initials with the number (N10, N9, N8), else the
    number alone; a position that fits, or whose cut keeps its number ("#10 playmaker" #10),
    is as before."""
    three = lambda t: len(t) <= 3  # noqa: E731
    four = lambda t: len(t) <= 4  # noqa: E731
    two = lambda t: len(t) <= 2  # noqa: E731
    typed = ("no 10", "No. 9", "Number 8", "10", "Left back 2", "#10 playmaker")
    assert [fitted_position(p, four) for p in typed] == ["N10", "N9", "N8", "10", "LB2", "#10"]
    assert [fitted_position(p, three) for p in typed] == ["N10", "N9", "N8", "10", "LB2", "#10"]
    assert [fitted_position(p, two) for p in typed] == ["10", "N9", "N8", "10", "2", "10"]
    for p in typed:  # every number of the position whole, or the label for the caller to cut
        for room in (two, three, four):
            short = fitted_position(p, room)
            assert short == p or all(n in re.findall(r"\d+", p) for n in re.findall(r"\d+", short)), (p, short)
