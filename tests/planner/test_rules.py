"""planner.rules: what the coach is told about the rule set."""

from __future__ import annotations


def test_listed_only_names_the_rules_counted_at_no_cost_and_nothing_else():
    from planner.rules import listed_only

    assert listed_only({"LD-1": 0, "HV-1": 4}, {"HV-1": 120}) is None  # a cost: steered
    assert listed_only({"LD-1": 3, "HV-1": 4}, {"LD-1": 60, "HV-1": 120}) is None  # weight 20
    one = listed_only({"LD-1": 1_234, "HV-1": 4}, {"LD-1": 0, "HV-1": 120})
    assert one.startswith("Listed, not avoided: LD-1 (no planned load spike: 1,234). Weight 0")
    assert "give it a weight" in one and "HV-1" not in one
    assert one.endswith("solve again (with LD-1 a solve then takes its whole time limit).")
    two = listed_only({"LD-1": 2, "DL-7": 5}, {})
    assert "LD-1 (no planned load spike: 2), DL-7 (" in two and "give each a weight" in two
    assert listed_only({"DL-7": 5}, {}).endswith("and solve again.")  # only LD-1 costs search time
    # on the command line: the command that gives the weight
    cli = listed_only({"LD-1": 3}, {}, "'my team.season.json'")
    assert ("give it a weight (periodize record 'my team.season.json' --rule LD-1.weight=20 --save "
            "re-plans with it) (with LD-1 a solve then takes its whole time limit).") in cli
