"""The plan JSON read as a club's dashboard reads it (interfaces.md section 3, docs/file-format.md):
what an anonymised file leaves out, and what tells a reader how current the plan is."""

from __future__ import annotations

import json

import pytest

from planner import text
from planner.anonymise import anonymised
from planner.planjson import plan_to_dict
from tests.builders import day, injury, season, solved_and_checked


@pytest.fixture(scope="module")
def solved():
    """A1 injured before the season (back in its second week) and again in its third week: two
    records, so the RTS lines name which injury each return follows."""
    first = injury("A1", "P3", start_day=-6, onset_day=-9)
    second = injury("A1", "P1", start_day=16, onset_day=16)
    s = season(weeks=6, athletes=3, injuries=(first, second))
    out, _ = solved_and_checked(s)
    return s.model_copy(update={"plan": out.plan})


def _anonymised_dict(s):
    a, p = anonymised(s, s.plan)
    return plan_to_dict(a, p, anonymise=True)


def test_an_anonymised_plan_json_dates_no_injury(solved):
    """`export --json --anonymise` kept each injury's onset in ``returns`` (health data, and with
    the squad list it names the player), where docs/file-format.md says it is null; and the RTS
    line of an athlete injured twice said "after the injury of Mon 18 Jan"."""
    named = plan_to_dict(solved, solved.plan)
    (a1,) = [a for a in named["athletes"] if a["id"] == "A1"]
    assert [r["onset"] for r in a1["returns"]] == [day(-9).isoformat(), day(16).isoformat()]
    rts = [v["message"] for v in named["soft"] if v["rule"] == "RTS"]
    assert any(f"after the injury of {text.day(day(16))}" in m for m in rts), rts
    assert any(f"before the next injury on {text.day(day(16))}" in m for m in rts), rts
    anon = _anonymised_dict(solved)
    (a1,) = [a for a in anon["athletes"] if a["id"] == "A1"]
    assert [r["onset"] for r in a1["returns"]] == [None, None]
    assert a1["return"]["onset"] is None and a1["return"]["protocol"] is None
    assert a1["returns"][1]["fit"] == named["athletes"][0]["returns"][1]["fit"]  # the rest kept
    said = json.dumps(anon, ensure_ascii=False)
    for rec in solved.injuries:
        for fmt in (text.day_long, text.day, text.date_long):
            assert f"injury of {fmt(rec.onset)}" not in said
            assert f"injury on {fmt(rec.onset)}" not in said
    assert day(-9).isoformat() not in said  # before the season: no day of the plan is it
    assert "Athlete 1" not in said and "iliopsoas" not in said
    rts = [v["message"] for v in anon["soft"] if v["rule"] == "RTS"]
    assert rts[0].startswith("RTS: A1, after an injury, is not back to FIT before the next "
                             "injury: "), rts
    assert rts[1].startswith("RTS: A1, after an injury, is "), rts


def test_an_anonymised_explanation_dates_no_injury(solved):
    """The no-plan file's explanation (solver/explain.py) is scrubbed with the same pairs: its
    "after the injury of 20 Jan 2027" read so in an anonymised file."""
    from planner.anonymise import scrub, text_pairs

    line = (f"RH-CAP: Athlete 1 (A1)'s P1 after the injury of {text.date_long(day(16))} runs into "
            f"the season end")
    assert scrub(line, text_pairs(solved)) == "RH-CAP: A1's P1 after an injury runs into the season end"
