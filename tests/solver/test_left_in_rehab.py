"""A player in rehab who leaves the squad for good (Left the Squad): his rehab is history up to
the day he left, no stage rule binds a day after it (docs/semantics.md, "Left the squad in
rehab"). Read as an absence, his stage's maximum ran out while away and the season had no plan
("AV-1 (away in rehab): Kofi Mensah (A07) away 10 Aug 2026 to 9 May 2027 (left the squad): P1
must end by 16 Aug 2026"), nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import edits as E
from planner.check import check_plan
from planner.rules import RuleSet
from planner.season import FIT, Unavailability
from planner.timeline import Timeline
from tests.builders import solved_and_checked

D = dt.date


def test_the_demos_kofi_leaving_in_rehab_solves_and_checks_clean_nothing_planned_after(demo_season):
    s = E.LeaveSquad(athlete="A07", leaves=D(2026, 8, 10)).apply(demo_season)
    out, _report = solved_and_checked(s)
    ap = out.plan.for_athlete("A07")
    k = Timeline(s).index(D(2026, 8, 10))
    held = ap.stages[k - 1]
    assert held not in (FIT, "INJ")  # he left in rehab
    assert set(ap.stages[k:]) == {held}  # the stage he left in, no stage planned after
    assert set(ap.intensity[k:]) == {0}


def test_a_stage_outlasting_its_maximum_after_he_left_is_no_violation_an_absence_still_is(demo_season):
    """The checker's stage walk ends the day he left: the stored plan's stage held to the season's
    end breaks RH-STAGE's maximum only when the days are an ordinary absence."""
    s = E.LeaveSquad(athlete="A07", leaves=D(2026, 8, 10)).apply(demo_season)
    plan = solved_and_checked(s)[0].plan
    assert not [v for v in check_plan(s, plan).violations if v.athlete == "A07"]
    away = s.model_copy(update={"unavailability": tuple(
        u if u.athlete != "A07" else Unavailability(athlete="A07", start=u.start, end=u.end,
                                                    reason="ill") for u in s.unavailability)})
    broken = [v for v in check_plan(away, plan).violations if v.athlete == "A07"]
    assert [v.rule for v in broken] == ["RH-STAGE"] and "lasts at most" in broken[0].message


def test_a_stage_pin_after_the_day_he_leaves_goes_with_his_leaving_and_the_season_solves(demo_season):
    """Isaac's stage pin (S1 starts 25 Aug), then Left the Squad on 20 Aug: "No plan", citing
    only the pin, since nothing is planned after he left for it to hold. Leaving removes his
    pins from that day on, says so, and the season solves and checks clean."""
    from planner.season import StagePin

    pin = StagePin(athlete="A19", stage="S1", date=D(2026, 8, 25))
    s = E.AddPin(pin=pin).apply(demo_season)
    edit = E.LeaveSquad(athlete="A19", leaves=D(2026, 8, 20))
    assert "their 1 pin from then removed: to start S1 on 25 Aug 2026" in edit.describe(s)
    after = edit.apply(s)
    assert pin in s.pins and pin not in after.pins
    out, _report = solved_and_checked(after)
    assert out.plan is not None


def test_rts_stops_on_the_day_he_left_and_his_target_after_it_is_no_longer_missed(demo_season):
    """After he left, his return is not this squad's: RTS counts his days not back to FIT up to
    the day he left (solver and checker alike), his target after it costs nothing, and the
    return says he left, with no target verdict."""
    from planner.returns import return_text, returns

    leaves = D(2026, 8, 10)
    s = E.LeaveSquad(athlete="A07", leaves=leaves).apply(demo_season)
    assert s.injuries_of("A07")[-1].target_competition  # the demo's Derby
    out, report = solved_and_checked(s)  # the solver's objective is the checker's
    rts = [v for v in report.soft if v.rule == "RTS" and v.athlete == "A07"]
    assert len(rts) == 1 and rts[0].end == leaves - dt.timedelta(days=1)
    assert "when leaving the squad on" in rts[0].message
    tl = Timeline(s)
    weight = RuleSet(s.rules).value("RTS", "weight")
    assert rts[0].penalty == weight * (tl.index(leaves) - tl.p0)
    s = s.model_copy(update={"plan": out.plan})
    [r] = [r for r in returns(s, out.plan) if r.athlete == "A07"]
    assert r.left == leaves and r.left_stage == out.plan.for_athlete("A07").stages[tl.index(leaves) - 1]
    assert r.target is None and not r.target_missed
    line = return_text(s, r)
    assert f"left the squad on Mon 10 Aug 2026 in {r.left_stage}" in line
    assert "MISSED" not in line and "not back to full training" not in line


def test_a_signing_whose_old_clubs_stage_outlasted_its_maximum_before_today_is_said():
    """A signing's stage from their old club past its maximum before today counts again from today
    (docs/semantics.md) and was planned with nothing said, while a fresher one that cannot end in
    time gives no plan: the staler record passed silently. It is said, with what to do."""
    from planner.progress import signing_stale_stages
    from planner.squad import JOINED_REASON
    from planner.text import day_long
    from tests.builders import day, injury, season

    before = (Unavailability(athlete="A1", start=day(0), end=day(16), reason=JOINED_REASON),
              Unavailability(athlete="A2", start=day(0), end=day(16), reason=JOINED_REASON))
    s = season(weeks=8, athletes=3, today=day(14), unavailable=before,
               injuries=(injury("A1", "P3", start_day=-30), injury("A2", "P3", start_day=-10)))
    assert signing_stale_stages(s) == [
        f"Athlete 1 (A1): P3 since {day_long(day(-30))} with their old club, day 48 of it when they "
        f"join on {day_long(day(17))} (P3 lasts at most 42): its days count again from today; "
        f"assess them on {day_long(day(17))} and record the stage they are in"]
    # once he is with the squad, it is no signing's old record any more
    assert signing_stale_stages(s.model_copy(update={"unavailability": ()})) == []


def test_a_signing_run_on_the_credit_of_a_record_before_he_joined_is_named_as_such():
    """A signing recorded in S1 before he joined was planned at S1's cap on his first day here on
    his old club's records alone; the sprint-ladder warning said only "runs above 80 % on the
    credit of their S1 record". It names his joining, the record before it and what to do."""
    from planner.progress import ladder_credit_unrun
    from planner.squad import JOINED_REASON
    from planner.text import day as day_short
    from tests.builders import day, injury, season

    before = (Unavailability(athlete="A1", start=day(0), end=day(16), reason=JOINED_REASON),)
    s = season(weeks=8, athletes=3, matches=[5, 12, 19, 26, 33, 40, 47], today=day(14),
               injuries=(injury("A1", "S1", start_day=14, history=(("P3", 1),)),),
               unavailable=before)
    out, _report = solved_and_checked(s, time_limit=20)
    (c,) = ladder_credit_unrun(s, out.plan)
    note = c.note(s)
    assert note.startswith(f"Athlete 1 (A1) joins on {day_short(day(17))}"), note
    assert note.endswith(
        f"on the credit of their S1 record before joining ({day_short(day(14))}): log their sessions "
        f"with their old squad (File ▸ Import Sessions…, or periodize log FILE SESSIONS.csv: their "
        f"days not in the squad yet are read), or re-test them and record the stage they are assessed "
        f"in on the day they join ({day_short(day(17))})"), note
    if c.first == day(17) and c.level == 90:
        assert f"joins on {day_short(day(17))} at S1's cap (90 %) on the credit" in note
    # recorded on the day he joins (the assessment here), it is the ordinary warning
    assert not c.__class__(**{**c.__dict__, "start": day(17)}).joining_words(s)


def test_the_ladder_warning_of_a_signing_names_his_old_squads_log_not_a_stage_recorded_already():
    """A signing recorded P1, P2 and P3 with his old club, nothing of theirs logged: the record's
    warning said "record them from P2", P2 recorded already. It names the ways that fit him: his
    old squad's sessions logged, or the stage he is assessed in on the day he joins; the same
    records of a player here, P2 recorded, read "log the sessions they ran them in"."""
    from planner.progress import credit_not_run
    from planner.squad import JOINED_REASON
    from planner.text import day as day_short
    from tests.builders import day, injury, season

    rec = injury("A1", "P3", start_day=12, history=(("P1", 2), ("P2", 5)))
    before = (Unavailability(athlete="A1", start=day(0), end=day(16), reason=JOINED_REASON),)
    bare = season(weeks=8, athletes=3, matches=[5, 12, 19, 26], today=day(14))
    signing = bare.model_copy(update={"unavailability": before})
    (said,) = credit_not_run(signing, signing.model_copy(update={"injuries": (rec,)}))
    assert "record them from P2" not in said
    assert said.endswith(
        "log their sessions with their old squad (File ▸ Import Sessions…, or periodize log FILE "
        "SESSIONS.csv: their days not in the squad yet are read), or re-test them and record the "
        f"stage they are assessed in on the day they join ({day_short(day(17))}), or pin their first "
        "running days lower"), said
    (here,) = credit_not_run(bare, bare.model_copy(update={"injuries": (rec,)}))
    assert here.endswith("if they have not done them, log the sessions they ran them in (File ▸ Import "
                         "Sessions…, or periodize log FILE SESSIONS.csv), or pin their first running "
                         "days lower"), here
    # P3 recorded alone: record them from the stage before, as ever
    (alone,) = credit_not_run(bare, bare.model_copy(update={"injuries": (
        injury("A1", "P3", start_day=12),)}))
    assert "record them from P2, or pin their first running days lower" in alone


# -- the why of his days after he left: explain, the workbook (the Inspector: tests/ui) ----------
LEAVES = D(2026, 8, 13)  # a Thursday: the week's Friday to Sunday are days after he left


@pytest.fixture(scope="module")
def kofi_left(demo_season):
    """The demo with Kofi (A07, in rehab) leaving on Thu 13 Aug 2026, solved and checked."""
    s = E.LeaveSquad(athlete="A07", leaves=LEAVES).apply(demo_season)
    return s.model_copy(update={"plan": solved_and_checked(s)[0].plan})


def test_the_why_of_a_day_after_he_left_says_he_left_in_his_stage_and_no_rule(kofi_left):
    """explain and the Inspector gave "RH-STAGE … Day 92 of P3 … it lasts 5-21 days", a DL-2
    rhythm and "unavailable" for a player gone three months, where the solver and the checker
    stop at the day he left."""
    from planner.why import why_day, why_week

    s = kofi_left
    stage = s.plan.for_athlete("A07").stages[Timeline(s).index(LEAVES) - 1]
    said = f"left the squad on Thu 13 Aug 2026 in {stage}: nothing of this squad is planned"
    for day in (LEAVES, D(2026, 8, 15), D(2027, 3, 10)):
        why, week = why_day(s, s.plan, "A07", day), why_week(s, s.plan, "A07", day)
        assert why.summary == f"Kofi Mensah (A07): {said}" and why.reasons == []
        assert week.summary == why.summary and week.reasons == []
        assert why.away == f"L{said[1:]}."
    before = why_day(s, s.plan, "A07", D(2026, 8, 12))
    assert not before.away and "left the squad" not in before.text()
    assert any(r.rule == "RH-CAP" for r in before.reasons)  # still his stage's day


def test_explain_after_he_left_and_his_return_say_he_left_in_his_stage(kofi_left, tmp_path):
    from planner.seasonfile import save_season
    from tests.e2e.test_cli import run  # the command in this process: its words are tested

    save_season(kofi_left, tmp_path / "s.season.json")
    stage = kofi_left.plan.for_athlete("A07").stages[Timeline(kofi_left).index(LEAVES) - 1]

    def explain(*args: str) -> str:
        r = run("explain", "s.season.json", *args, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        return r.stdout

    out = explain("--athlete", "A07", "--date", "2027-03-10")
    assert (f"Wed 10 Mar 2027: Kofi Mensah (A07): left the squad on Thu 13 Aug 2026 in {stage}: "
            f"nothing of this squad is planned") in out
    for rule in ("RH-STAGE", "RH-CAP", "AV-1", "DL-2", "unavailable", "week of"):
        assert rule not in out
    assert explain("--return", "A07").strip() == (
        f"Kofi Mensah (A07) left the squad on Thu 13 Aug 2026 in {stage}: the return is not "
        f"this squad's.")


def test_the_return_query_with_no_stored_plan_says_he_left_not_cannot_be_back(kofi_left):
    from solver.queries import return_report

    s = kofi_left.model_copy(update={"plan": None})
    assert return_report(s, "A07").text(s) == (
        "Kofi Mensah (A07) left the squad on Thu 13 Aug 2026: the return is not this squad's.")


def test_the_workbooks_why_cell_of_a_day_after_he_left_says_he_left(kofi_left, tmp_path):
    """The week page of the week he left read "unavailable: no running load (AV-1)" on his days
    after it."""
    import openpyxl

    from planner.xlsx_athlete import HEADERS
    from planner.xlsx_export import export_workbook

    s = kofi_left
    tl = Timeline(s)
    stage = s.plan.for_athlete("A07").stages[tl.index(LEAVES) - 1]
    export_workbook(s, s.plan, tmp_path / "p.xlsx", weeks=[tl.week_index_of_date(LEAVES)])
    ws = next(ws for ws in openpyxl.load_workbook(tmp_path / "p.xlsx") if ws.title.startswith("A07"))
    col = HEADERS.index("Why: the rules that bound the day (Rules sheet)") + 1
    whys = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=col).value
            for r in range(1, ws.max_row + 1)}
    said = f"Left the squad on Thu 13 Aug 2026 in {stage}: nothing of this squad is planned."
    assert [day for day, why in whys.items() if why == said] == [
        "Thu 13 Aug", "Fri 14 Aug", "Sat 15 Aug", "Sun 16 Aug"]
    assert whys["Wed 12 Aug"] and "left the squad" not in whys["Wed 12 Aug"]
    assert not any("AV-1" in str(why) for why in whys.values())
