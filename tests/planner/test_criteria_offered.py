"""The criteria tests a result may be recorded for in a stage (the Injuries editor's Test list
and `periodize record --test` read them alike), and the criterion a result is judged against."""

from __future__ import annotations

import datetime as dt

from planner.criteria import near_criterion, offered_criteria, result_criterion
from planner.protocols import load_protocol
from planner.season import Injury, StageRecord


def _offered(protocol: str, stage: str) -> list[tuple[str, str]]:
    return [(sid, c.name) for sid, c in offered_criteria(load_protocol(protocol), stage)]


def test_the_stage_s_own_tests_come_first_then_the_earlier_stages():
    assert _offered("hamstring-strain", "P2") == [("P2", "Hamstring strength LSI"),
                                                  ("P1", "Pain on single-leg squat")]
    assert _offered("hamstring-strain", "P1") == [("P1", "Pain on single-leg squat")]
    # a name offered once, with the first stage's pass mark (S3's 90 %, not P2's 75 %)
    assert _offered("hamstring-strain", "FIT") == [("S3", "Hamstring strength LSI"),
                                                   ("P1", "Pain on single-leg squat")]


def test_a_stage_without_tests_offers_the_next_stage_that_has_some():
    """Ankle P1 has none and its last stage S3 has none: P2's single-leg hop (the editor offered
    S3's, an empty list)."""
    assert _offered("ankle-sprain", "P1") == [("P2", "Single-leg hop LSI")]
    assert _offered("ankle-sprain", "S2") == [("P2", "Single-leg hop LSI")]


def _hamstring(*stages: tuple[str, dt.date]) -> Injury:
    return Injury(athlete="A1", protocol="hamstring-strain", onset=dt.date(2026, 9, 1),
                  stages=tuple(StageRecord(stage=s, start=d) for s, d in stages))


def test_a_typed_name_is_read_with_case_and_spaces_ignored_and_a_near_miss_named():
    proto = load_protocol("hamstring-strain")
    inj = _hamstring(("P1", dt.date(2026, 9, 1)), ("P2", dt.date(2026, 9, 10)))
    sid, c = result_criterion(proto, inj, "  hamstring  STRENGTH lsi ", dt.date(2026, 9, 12))
    assert (sid, c.pass_mark) == ("P2", 75.0)
    assert result_criterion(proto, inj, "Hamstring strenght LSI", dt.date(2026, 9, 12)) is None
    assert near_criterion(proto, "Hamstring strenght LSI") == "Hamstring strength LSI"
    assert near_criterion(proto, "Vertical jump") is None


def test_a_result_is_judged_against_the_stage_held_on_its_date_else_the_next_with_that_test():
    """A hamstring strength LSI of 80 % taken in P3 (no tests) was "≥ 90 %, fails" in the form
    and `record --test` (S3's) but "≥ 75 %, passes" in the history table and the CLI's note
    (P2's, the first stage with it): one reading, the test the result can let him leave by."""
    proto = load_protocol("hamstring-strain")
    inj = _hamstring(("P1", dt.date(2026, 9, 1)), ("P2", dt.date(2026, 9, 10)),
                     ("P3", dt.date(2026, 9, 20)))
    name = "Hamstring strength LSI"

    def read(day: dt.date, record: Injury | None = inj) -> tuple[str, float]:
        sid, c = result_criterion(proto, record, name, day)
        return sid, c.pass_mark

    assert read(dt.date(2026, 9, 25)) == ("S3", 90.0)  # P3 has none: S3's, the way out
    assert read(dt.date(2026, 9, 12)) == ("P2", 75.0)  # the stage's own
    assert read(dt.date(2026, 9, 5)) == ("P2", 75.0)  # P1 has another test: the next with it
    assert read(dt.date(2026, 8, 30)) == ("P2", 75.0)  # before the first record: from P1 on
    assert read(dt.date(2026, 9, 25), None) == ("P2", 75.0)  # no record yet: from P1 on
    fit = _hamstring(("P1", dt.date(2026, 9, 1)), ("FIT", dt.date(2026, 10, 20)))
    assert read(dt.date(2026, 10, 22), fit) == ("S3", 90.0)  # past every stage: the latest's
