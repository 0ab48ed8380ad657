"""How far a plan not proven the best may be from the best possible, in the coach's words."""

from __future__ import annotations

from ui.desktop.solving import plan_words


def test_a_gap_that_rounds_to_nought_is_not_said_as_nought():
    """"at most 0.0 % from the best possible" read as proven and as not proven at once."""
    assert plan_words("feasible", 19581.0, 19580.0) == (
        "the best plan found in the time allowed, less than 0.1 % from the best possible")
    assert plan_words("feasible", 19581.0, 19581.0) == (  # the bound met, but nothing proved it
        "the best plan found in the time allowed, less than 0.1 % from the best possible")
    assert plan_words("cancelled", 1000.0, 999.9).endswith("less than 0.1 % from the best possible")
    assert plan_words("feasible", 1000.0, 999.0).endswith("at most 0.1 % from the best possible")
    assert plan_words("optimal", 1000.0, 1000.0) == "the best plan the rules allow (proven)"
