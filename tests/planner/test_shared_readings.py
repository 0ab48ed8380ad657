"""What the plan checker shares with the solver, held against values worked by hand from the
rules' words, and what it works out on its own (docs/architecture.md, "The plan checker").

The checker reads the season's facts as the solver does: the stage history the injury records
give (``planner.rehab.segments``: stage records with the flare-ups folded in, rules-spec.md
section 6), the log, and the squad's positions against HV-1's list (``planner.squad.hv1_exempt``).
A fault there would be planned by the solver and passed by the checker, so each is held here
against examples worked from rules-spec.md. The rule decisions it makes itself: a stage's maximum
after a flare-up (``planner.check.stage_max``), RH-11's credit at a ladder reset
(``planner.check.rh11_credit``) and LD-1's day loads (section 8); the solver's own versions of
these (``planner.rehab.max_days``, ``planner.history.ladder_credit``,
``planner.loadtable.LoadTable``) are held against the same examples, and a change in one of
them alone is a plan the checker reports.
"""

from __future__ import annotations

import pytest

from planner import check
from planner.history import ladder_credit
from planner.protocols import load_protocol
from planner.rehab import Segment, max_days, segments
from planner.season import AthletePlan, Plan, RuleSettings, Session
from planner.timeline import Timeline
from tests.builders import day, injury, season

PROTO = load_protocol("iliopsoas-tendinopathy")  # rules-spec.md section 4's table


def _segs(inj) -> list[tuple[str, int, str]]:
    return [(s.stage, (s.start - day(0)).days, s.cause) for s in segments(inj, PROTO)]


# -- the stage history the records give (rules-spec.md section 6) --------------------------------
def test_flare_ups_in_several_stages_move_back_one_stage_or_two_within_seven_days():
    """Section 6: a flare-up on D moves back one stage from the stage held on D-1, two when
    another flare-up came in D-7 … D-1; never before the protocol's first stage. In S2 from day
    -10: a flare-up on day 3 -> S1; day 8 (5 days after) -> two back from S1 -> P2; day 20 (12
    days after) -> one back -> P1; day 22 (2 days after) -> two back from P1 -> stays P1."""
    inj = injury("A1", "S2", start_day=-10, flare_days=(3, 8, 20, 22))
    assert _segs(inj) == [("S2", -10, "record"), ("S1", 3, "flare-up"), ("P2", 8, "flare-up"),
                          ("P1", 20, "flare-up"), ("P1", 22, "flare-up")]


def test_a_flare_up_of_an_athlete_back_to_fit_goes_to_the_protocols_last_stage():
    """Section 6: a flare-up of an athlete back to FIT moves them to the governing protocol's
    last stage (S3); a second within 7 days two stages back from FIT: S2."""
    back = injury("A1", "FIT", start_day=-5, history=(("S3", -20),), flare_days=(3,))
    assert _segs(back)[-1] == ("S3", 3, "flare-up")
    twice = injury("A1", "FIT", start_day=2, history=(("S3", -20),), flare_days=(0, 4))
    assert _segs(twice) == [("S3", -20, "record"), ("S2", 0, "flare-up"), ("FIT", 2, "record"),
                            ("S2", 4, "flare-up")]


def test_a_stage_recorded_on_a_flare_ups_date_holds_its_regression():
    """Section 6: "A stage recorded to start on a flare-up's date already holds that flare-up's
    regression": P3 recorded on the flare-up's day 3 (S1 before) is P3 from day 3, not P2."""
    inj = injury("A1", "P3", start_day=3, history=(("S1", -10),), flare_days=(3,))
    assert _segs(inj) == [("S1", -10, "record"), ("P3", 3, "record")]


# -- a stage's maximum after a flare-up (docs/semantics.md, "Flare-ups") --------------------------
@pytest.mark.parametrize("longest", [max_days, check.stage_max], ids=["solver", "checker"])
def test_a_stage_entered_by_a_flare_up_lasts_at_most_twice_its_maximum(longest):
    """rules-spec.md section 4's table: S1 7-14 days, P2 21-42; entered by a flare-up, the stage
    may last twice its maximum (docs/semantics.md, "Flare-ups"): 28 and 84."""
    assert [longest(PROTO.stage(s), False) for s in ("S1", "P2")] == [14, 42]
    assert [longest(PROTO.stage(s), True) for s in ("S1", "P2")] == [28, 84]


def test_the_checker_keeps_its_own_stage_maximum(monkeypatch):
    """A solver that let a stage redone after a flare-up last three times its maximum would
    plan it; the checker still holds twice."""
    import planner.rehab

    monkeypatch.setattr(planner.rehab, "FLARE_MAX_FACTOR", 3)
    assert max_days(PROTO.stage("S1"), True) == 42  # the solver's reading changed ...
    assert check.stage_max(PROTO.stage("S1"), True) == 28  # ... the checker's did not


# -- RH-11's credit at a ladder reset (rules-spec.md section 3, RH-11) ----------------------------
def _credit(fn, stage: str, cause: str, sessions: int = 2, levels: int = 2, flared=None,
            record_on_flare: bool = False) -> dict[int, int]:
    flare_days = (3,) if cause == "flare-up" or record_on_flare else ()
    rec = injury("A1", stage, start_day=3 if record_on_flare else -10, flare_days=flare_days,
                 history=(("S2", -20),) if record_on_flare else ())
    logs = () if flared is None else (Session(athlete="A1", date=day(3), minutes=60, rpe=5,
                                              top_speed_pct=flared),)
    s = season(weeks=2, athletes=2, injuries=(rec,)).model_copy(update={"sessions": logs})
    return fn(s, rec, PROTO, Segment(day(3), stage, cause), sessions, levels)


CREDITS = [
    # a stage record: every level up to the previous stage's cap, sessions_per_step times each
    ("S1", "record", 2, 2, None, False, {60: 2, 70: 2, 80: 2}),  # after P3 (cap 80)
    ("S3", "record", 3, 2, None, False, {60: 3, 70: 3, 80: 3, 90: 3, 95: 3}),  # after S2 (95)
    ("P2", "record", 2, 2, None, False, {}),  # after P1 (cap 0): nothing
    ("P1", "record", 2, 2, None, False, {}),  # the first stage: nothing
    # a flare-up: only up to flare_credit_levels below the new stage's cap on 60 … 100
    ("S2", "flare-up", 2, 2, None, False, {60: 2, 70: 2, 80: 2}),  # 95 - 2 levels = 80
    ("S2", "flare-up", 2, 1, None, False, {60: 2, 70: 2, 80: 2, 90: 2}),  # 95 - 1 = 90
    ("S2", "flare-up", 2, 3, None, False, {60: 2, 70: 2}),  # 95 - 3 = 70
    ("P3", "flare-up", 2, 2, None, False, {60: 2}),  # 80 - 2 = 60
    ("P2", "flare-up", 2, 2, None, False, {}),  # 70 - 2 falls below 60: none
    ("P2", "flare-up", 1, 1, None, False, {60: 1}),  # 70 - 1 = 60
    ("P1", "flare-up", 2, 1, None, False, {}),  # cap 0: no ladder
    # below the top speed logged on the flare-up's day (docs/semantics.md, RH-11)
    ("S3", "flare-up", 2, 2, 90, False, {60: 2, 70: 2, 80: 2}),  # 100 - 2 = 90, not 90 itself
    ("S3", "flare-up", 2, 2, 100, False, {60: 2, 70: 2, 80: 2, 90: 2}),
    # a stage record on a flare-up's date credits as the flare-up does
    ("S1", "record", 2, 2, None, True, {60: 2, 70: 2}),  # 90 - 2 = 70, not P3's 80
]


@pytest.mark.parametrize("fn", [ladder_credit, check.rh11_credit], ids=["solver", "checker"])
@pytest.mark.parametrize("stage,cause,sessions,levels,flared,on_flare,credit", CREDITS)
def test_rh11_credit_is_the_rules_hand_worked(fn, stage, cause, sessions, levels, flared,
                                              on_flare, credit):
    assert _credit(fn, stage, cause, sessions, levels, flared, on_flare) == credit


def test_the_checker_keeps_its_own_ladder_credit(monkeypatch):
    """A solver whose credit after a flare-up forgot flare_credit_levels (the whole ladder up
    to the new stage's cap) would plan a 95 % day on the first day back in S2; the checker's
    credit is still two levels below the cap."""
    import planner.rehab

    whole = planner.rehab.reset_credit

    def generous(protocol, seg, flare_dates, sessions, flare_levels, flared=None):
        return whole(protocol, seg, flare_dates, sessions, 0, flared)

    monkeypatch.setattr(planner.rehab, "reset_credit", generous)
    assert max(_credit(ladder_credit, "S2", "flare-up")) == 95
    assert _credit(check.rh11_credit, "S2", "flare-up") == {60: 2, 70: 2, 80: 2}


# -- HV-1's exemption by position (rules-spec.md section 5) ---------------------------------------
def test_hv1_exempts_the_positions_of_its_list_only():
    """Section 5: athletes whose position is in exempt_positions (default GK) are exempt; an
    empty list exempts nobody (the spelling of a position: tests/planner/test_squad.py)."""
    from planner.rules import RuleSet
    from planner.squad import hv1_exempt

    default = RuleSet(RuleSettings())
    assert hv1_exempt(default, "GK") and not hv1_exempt(default, "Forward")
    none = RuleSet(RuleSettings(values={"HV-1": {"exempt_positions": []}}))
    assert not hv1_exempt(none, "GK")


# -- LD-1's day loads (rules-spec.md section 8) ---------------------------------------------------
def _spike_season(acwr_max: float = 1.1):
    """Six weeks from Monday 4 January, a C match every Saturday: team sessions at 70 % Monday to
    Friday, three of week 5's at 80 %, and 0 on the Saturdays (not played, as the plan says);
    LD-1's limit at ``acwr_max``."""
    s = season(weeks=6, athletes=1)
    tl = Timeline(s)
    kinds = ("load",) * len(tl.weeks)
    five = [i for i in tl.weeks[4].days if tl.is_training[i]][:3]
    it = tuple(80 if i in five else 70 if tl.is_training[i] else 0 for i in range(tl.n))
    plan = Plan(status="manual", team_weeks=kinds, athletes=(AthletePlan(
        athlete="A1", stages=("FIT",) * tl.n, intensity=it, weeks=kinds),))
    s = s.model_copy(update={"rules": RuleSettings(values={"LD-1": {"acwr_max": acwr_max,
                                                                    "weight": 1}})})
    return s, plan, tl


def _spikes(s, plan) -> list[str]:
    return [v.message for v in check.check_plan(s, plan, rules_in_objective={"LD-1"}).soft
            if v.rule == "LD-1"]


def test_ld1_prices_the_days_by_the_rules_table():
    """Section 8's table in a load week (M = 75): a 70 % session 75 x 4 = 300 AU, an 80 % one
    75 x 5 = 375; a Saturday match not played, a training weekday at 0 %, is a recovery session,
    30 x 2 = 60. Weeks 1-4: 5 x 300 + 60 = 1560 AU, the chronic load of week 5; week 5:
    3 x 375 + 2 x 300 + 60 = 1785 AU, 1.144 times it, above acwr_max 1.1."""
    s, plan, _ = _spike_season()
    (spike,) = _spikes(s, plan)
    assert "is 1785 AU, 1.14 times the chronic load of 1560 AU" in spike, spike


def test_the_checker_prices_ld1s_days_itself(monkeypatch):
    """A solver's load table that priced an 80 % day as a 70 % one would plan week 5 as no
    spike; the checker still prices it by section 8's table and reports it."""
    from planner.loadtable import LoadTable, athlete_load

    s, plan, _ = _spike_season()
    before = _spikes(s, plan)
    monkeypatch.setattr(LoadTable, "fit_rpe", lambda self, level: 4.0)
    al = athlete_load(s, plan, "A1")
    assert len({w.load for w in al.weeks if w.days == 7}) == 1  # the table's reading changed ...
    assert _spikes(s, plan) == before and len(before) == 1  # ... the checker's did not


def test_the_solvers_load_table_is_section_8s():
    """Section 8's table by hand: M is 75 in a load week, 45 in a deload, 40 in a taper."""
    from planner.loadtable import LoadTable
    from planner.rules import RuleSet

    t = LoadTable.of(RuleSet(RuleSettings()))

    def load(kind="load", stage="FIT", level=70, played=False, training=True, available=True):
        return t.day(kind, stage=stage, level=level, played=played, training=training,
                     available=available)

    assert [load(level=v) for v in (0, 60, 70, 80, 90, 95, 100)] == [
        30 * 2, 75 * 4, 75 * 4, 75 * 5, 75 * 6, 75 * 6, 75 * 6]
    assert [load("deload", level=80), load("taper", level=90)] == [45 * 5, 40 * 6]
    assert [load(level=100, played=True), load(level=80, played=True)] == [95 * 8, 30 * 7]
    assert [load(stage=s, level=0) for s in ("P1", "P2", "P3", "S1", "S2", "S3")] == [
        45 * 3, 60 * 4, 60 * 5, 60 * 5, 60 * 6, 75 * 6]
    assert [load(stage="INJ"), load(training=False), load(available=False)] == [0, 0, 0]
