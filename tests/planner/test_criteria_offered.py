"""The criteria tests a result may be recorded for in a stage (the Injuries editor's Test list
and `periodize record --test` read them alike)."""

from __future__ import annotations

from planner.criteria import criterion_named, near_criterion, offered_criteria
from planner.protocols import load_protocol


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


def test_a_typed_name_is_read_with_case_and_spaces_ignored_and_a_near_miss_named():
    proto = load_protocol("hamstring-strain")
    offered = offered_criteria(proto, "P2")
    sid, c = criterion_named(proto, offered, "  hamstring  STRENGTH lsi ")
    assert (sid, c.pass_mark) == ("P2", 75.0)
    sid, c = criterion_named(proto, offered_criteria(proto, "P1"), "Hamstring strength LSI")
    assert sid == "P2"  # another stage's: found in the protocol all the same
    assert criterion_named(proto, offered, "Hamstring strenght LSI") is None
    assert near_criterion(proto, "Hamstring strenght LSI") == "Hamstring strength LSI"
    assert near_criterion(proto, "Vertical jump") is None
