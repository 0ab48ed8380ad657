"""Every rule of the rule table has its solver method and its plan-checker method
(docs/architecture.md, "Where a new rule goes", steps 2 and 3): a rule added to
planner/rules.py alone is named here, not found later as a penalty that does not add up."""

from __future__ import annotations

import inspect

import pytest

from planner.check import _Checker, soft_check_name
from planner.rules import RULES, SOFT_RULES
from solver.model import PlanModel

STEPS = 'docs/architecture.md "Where a new rule goes"'


def model_method(rule: str) -> str:
    """The model's method of a rule: its id in lower case, ``-`` as ``_`` (``hv_day`` for HV-DAY)."""
    return rule.lower().replace("-", "_")


def checker_methods(rule: str) -> list[str]:
    """The checker's methods of a rule that it calls: ``soft_check_name`` of a soft rule (``run``
    finds it by that name); a hard rule's, called by hand, named from its id (``hv5``, ``rh_cap``,
    ``dl2_athlete``, ``pins``)."""
    if rule in SOFT_RULES:
        return [soft_check_name(rule)] if hasattr(_Checker, soft_check_name(rule)) else []
    key, source = rule.lower().replace("-", ""), inspect.getsource(_Checker)
    return [m for m in vars(_Checker) if not m.startswith("_") and m.replace("_", "").startswith(key)
            and f"self.{m}(" in source]


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_has_a_solver_method_called_in_build(rule):
    name = model_method(rule)
    assert callable(getattr(PlanModel, name, None)), (
        f"{rule}: no solver/model method {name}() ({STEPS}, step 2)")
    assert f"self.{name}()" in inspect.getsource(PlanModel.build), (
        f"{rule}: {name}() is not called in PlanModel.build ({STEPS}, step 2)")


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_has_a_plan_checker_method(rule):
    assert checker_methods(rule), f"{rule}: no planner/check.py method ({STEPS}, step 3)"


def test_a_rule_without_methods_is_named_with_its_step():
    assert model_method("HV-SAT") == "hv_sat" and not hasattr(PlanModel, "hv_sat")
    assert checker_methods("HV-SAT") == []
    assert sorted(checker_methods("DL-2")) == ["dl2_athlete", "dl2_team"] and checker_methods("PIN") == ["pins"]
