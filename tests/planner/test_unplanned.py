"""A player added to a planned season: his row is a placeholder at 0 % (``Plan.unplanned``)
until a solve or a re-plan plans him, and the season file keeps it so."""

from __future__ import annotations

import json

from planner import edits as E
from planner.reimport import keep_over
from planner.season import Athlete
from planner.seasonfile import loads, season_to_dict
from planner.squad import unplanned, unplanned_line
from tests.builders import season, solved_and_checked

SIGNING = Athlete(id="A9", name="New Signing", position="Forward")


def planned():
    s = season(weeks=3, athletes=2)
    return s.model_copy(update={"plan": solved_and_checked(s)[0].plan})


def test_add_athlete_and_a_workbook_import_mark_the_newcomer_not_planned():
    old = planned()
    added = E.AddAthlete(athlete=SIGNING).apply(old)
    assert added.plan.unplanned == ("A9",)
    assert added.plan.for_athlete("A9").intensity == (0,) * 21
    assert unplanned(added) == ("A9",)
    assert unplanned_line(added) == ("1 athlete not planned yet (New Signing): their days are not "
                                     "checked nor counted, and no handout, calendar or athlete sheet is "
                                     "made for them; solve (F5)")
    assert unplanned_line(added, anonymise=True, fix="then export again").startswith(
        "1 athlete not planned yet (A9): their days are not checked nor counted, and no handout, "
        "calendar or athlete sheet is made for them; then export")
    assert unplanned_line(old) is None
    # removed again: nobody left unplanned
    assert E.RemoveAthlete(athlete="A9").apply(added).plan.unplanned == ()
    signed = old.model_copy(update={"athletes": old.athletes + (SIGNING,), "plan": None})
    kept = keep_over(old, signed).season
    assert kept.plan.unplanned == ("A9",)
    assert keep_over(kept, signed).season.plan.unplanned == ("A9",)  # imported again: still


def test_the_season_file_keeps_the_list_and_writes_none_when_empty():
    old = planned()
    assert "unplanned" not in season_to_dict(old)["plan"]  # a file as before
    added = E.AddAthlete(athlete=SIGNING).apply(old)
    body = season_to_dict(added)
    assert body["plan"]["unplanned"] == ["A9"]
    assert loads(json.dumps(body)).plan.unplanned == ("A9",)


def test_a_solve_plans_the_newcomer_and_the_list_is_empty():
    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    out, _ = solved_and_checked(added)  # the plan checker holds the new plan
    assert out.plan.unplanned == ()
    assert any(out.plan.for_athlete("A9").intensity)  # he trains now
    assert unplanned_line(added.model_copy(update={"plan": out.plan})) is None


def test_a_replan_around_a_small_change_plans_the_newcomer_too():
    """A re-plan keeps the days outside its change: the newcomer's placeholder days are free."""
    from planner.check import check_plan
    from planner.season import IntensityPin
    from solver.whatif import replan
    from tests.builders import day

    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    pinned = added.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(15), intensity=0),)})
    out = replan(added, pinned, added.plan, time_limit=20, deterministic=True)
    assert out.plan is not None and out.plan.unplanned == ()
    assert any(out.plan.for_athlete("A9").intensity[:7])  # his first week too
    assert check_plan(pinned, out.plan).violations == ()


def test_a_replan_frees_the_newcomer_from_today_and_the_others_only_where_the_change_reaches(
        monkeypatch):
    """Freeing the newcomer leaves the window alone: the others keep their stored days before
    the change's window; he is planned from today."""
    from types import SimpleNamespace

    import solver.whatif as W
    from planner.check import check_plan
    from planner.season import IntensityPin
    from planner.timeline import Timeline
    from solver.model import Freeze
    from tests.builders import day

    s = season(weeks=6, athletes=3, today=day(2))
    added = E.AddAthlete(athlete=SIGNING).apply(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}))
    pinned = added.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(36), intensity=0),)})
    lo, hi = W.change_scope(added, pinned).window
    assert (lo, hi) == (14, 41)  # three weeks either side of the pin, to its weeks' edges, not today
    scopes = []
    real = W._neighbourhood

    def spy(after, reference, scope, *args, **kw):
        scopes.append(scope)
        return real(after, reference, scope, *args, **kw)

    monkeypatch.setattr(W, "_neighbourhood", spy)
    out = W.replan(added, pinned, added.plan, time_limit=20, deterministic=True)
    # the pinned athlete is free in the pin's window only (review 278: a pin freed their whole
    # season), the newcomer from today
    assert [(sc.window, sorted(sc.athletes), sorted(sc.window_athletes), sc.team_days)
            for sc in scopes] == [((14, 41), ["A9"], ["A1"], False)]
    keep = Freeze(added.plan, frozenset({"A9"}), (lo, hi), False, frozenset({"A1"}))
    assert keep.kept_days(SimpleNamespace(key="A9", athletes=("A9",)), 2, 42)[1] == []
    assert keep.kept_days(SimpleNamespace(key="A1", athletes=("A1",)), 2, 42)[1] == \
        list(range(2, lo)) + list(range(hi + 1, 42))
    assert out.plan is not None and out.plan.unplanned == ()
    report = check_plan(pinned, out.plan, reference=added.plan)
    assert report.violations == ()
    p0 = Timeline(pinned).p0
    for aid in ("A1", "A2", "A3"):  # outside the window: as stored
        assert out.plan.for_athlete(aid).intensity[:lo] == added.plan.for_athlete(aid).intensity[:lo]
    assert out.plan.for_athlete("A1").intensity[36] == 0
    assert any(out.plan.for_athlete("A9").intensity[p0:p0 + 7])  # planned from today


def test_the_checker_leaves_the_newcomer_out_and_says_him():
    from planner.check import check_plan

    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    report = check_plan(added, added.plan)
    assert report.unplanned == ("A9",)
    assert not any(v.athlete == "A9" for v in report.violations + report.soft)
    everyone = check_plan(added, added.plan.model_copy(update={"unplanned": ()}))
    assert any(v.athlete == "A9" for v in everyone.soft)  # his 0 % counted when not listed


def test_the_workbook_and_the_calendars_leave_him_out_and_say_so(tmp_path):
    from planner.ical import export_calendars
    from planner.xlsx_export import build_workbook

    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    wb = build_workbook(added, added.plan)
    cover = {r[0]: r[1] for r in wb["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Plan"].startswith("Not planned for every athlete yet (below)")
    assert "checked against every rule" not in cover["Plan"]
    assert cover["Not planned"] == ("1 athlete not planned yet (New Signing): their days are not "
                                    "checked nor counted, and no handout, calendar or athlete sheet is "
                                    "made for them; Plan ▸ Solve (F5), then export again.")
    assert not any(t.startswith("A9") for t in wb.sheetnames)
    assert any(t.startswith("A1") for t in wb.sheetnames)
    notes: list[str] = []
    files = export_calendars(added, added.plan, tmp_path / "ics", notes=notes)
    assert len(files) == 3  # the two planned athletes' and the team's
    assert not any("Signing" in f.name or "A9" in f.name for f in files)
    assert ("1 athlete not planned yet (New Signing): their days are not checked nor counted, and "
            "no handout, calendar or athlete sheet is made for them; "
            "solve (F5) first") in notes


def test_a_replan_counts_no_change_of_his_placeholder_and_says_him_planned_once():
    """The old plan's placeholder row is no plan: STAB (the checker's and the solver's) counts
    none of his days, and the change list says him planned once, not each day 0 % → 70 %."""
    from planner.check import check_plan
    from planner.plandiff import plan_changes
    from planner.season import IntensityPin
    from solver.whatif import replan
    from tests.builders import day

    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    pinned = added.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(15), intensity=0),)})
    out = replan(added, pinned, added.plan, time_limit=20, deterministic=True)
    report = check_plan(pinned, out.plan, reference=added.plan)
    assert report.violations == ()
    stab = [(v.athlete, v.start) for v in report.soft if v.rule == "STAB"]
    assert stab == [("A1", day(15))]  # the pin's day alone
    assert out.objective == report.objective  # the solver counted as the checker did
    changes = plan_changes(pinned, added.plan, out.plan)
    assert [c.athlete for c in changes.days] == ["A1"]
    assert changes.planned == (("A9", day(0)),)
    assert changes.lines(pinned) == ["New Signing (A9): planned from Mon 4 Jan",
                                     "Athlete 1 (A1): Tue 19 Jan 70 % → 0 %"]
    assert changes.short(pinned) == ("New Signing planned from Mon 4 Jan; "
                                     "Athlete 1 Tue 19 Jan (70 % → 0 %)")
    assert changes.first_day("A9") == day(0)


def test_a_solve_from_the_stored_plan_keeps_nothing_of_his_placeholder():
    """A solve with the stored plan as its reference: his days cost no STAB, he is planned as a
    fresh solve plans him, and "Days changed" names him once."""
    from planner.plandiff import plan_changes

    base = planned()
    added = E.AddAthlete(athlete=SIGNING).apply(base)
    out, report = solved_and_checked(added, reference=added.plan)  # checker and solver agree
    assert out.penalties.get("STAB", 0) == 0
    assert not [v for v in report.soft if v.rule == "STAB"]
    assert any(out.plan.for_athlete("A9").intensity[:7])
    changes = plan_changes(added, added.plan, out.plan)
    assert changes and not changes.days and not changes.weeks
    assert changes.short(added) == "New Signing planned from Mon 4 Jan"
    from ui.cli.progress import replan_changes

    assert replan_changes(added, added.model_copy(update={"plan": out.plan})) == [
        "0 athlete-days changed from the stored plan; 1 athlete planned for the first time:",
        "  New Signing (A9): planned from Mon 4 Jan"]
    # a plan that still holds him as a placeholder changes nothing of his
    assert not plan_changes(added, base.plan, added.plan)


def test_the_comparison_counts_no_changed_day_for_his_placeholder():
    from planner.scenarios import compare

    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    solved, _ = solved_and_checked(added)
    comp = compare(added, added.plan, added, solved.plan)
    row = next(a for a in comp.athletes if a.athlete == "A9")
    assert row.changed_days == 0
    assert not any(aid == "A9" for aid, _ in comp.changed_cells)
    # B re-plans him alone (the others' rows as stored): no load of his placeholder changed, he
    # is said once as planned from today, and his A columns are no plan's ("HV 0, fit")
    only_him = solved.plan.model_copy(update={"athletes": tuple(
        a if a.athlete == "A9" else added.plan.for_athlete(a.athlete) for a in solved.plan.athletes),
        "team_weeks": added.plan.team_weeks})
    comp = compare(added, added.plan, added, only_him)
    said = comp.text()
    assert not comp.load_days and comp.load_only == 0
    assert "Planned load changed" not in said
    line = next(x for x in said.splitlines() if x.startswith("New Signing (A9)"))
    assert line.split()[3:6] == ["not", "planned", "fit"], line
    assert line.endswith("(planned from Mon 4 Jan)") and said.count("planned from") == 1
    row = next(a for a in comp.athletes if a.athlete == "A9")
    assert row.hv_words("a") == "not planned" and row.hv_words("b") == str(row.hv_b)


def test_a_day_of_the_newcomer_cannot_be_set_by_hand_before_a_solve():
    """His row is a placeholder the checker leaves out: a hand edit on it would stay unchecked."""
    import pytest

    from planner.errors import InputError
    from planner.squad import NOT_PLANNED, plan_row
    from tests.builders import day

    added = E.AddAthlete(athlete=SIGNING).apply(planned())
    with pytest.raises(InputError) as e:
        E.SetDayIntensity(athlete="A9", date=day(1), intensity=100).apply(added)
    assert e.value.problems == [f"New Signing (A9) is {NOT_PLANNED}, then change their days"]
    assert plan_row(added.plan, "A9") is None and plan_row(added.plan, "A1") is not None
    changed = E.SetDayIntensity(athlete="A1", date=day(1), intensity=0).apply(added)  # the others: yes
    assert changed.plan.for_athlete("A1").intensity[1] == 0


def test_the_plan_json_says_him_and_reads_back_not_planned(tmp_path):
    """No season of recovery sessions for him: ``unplanned`` at the top, no session on his days,
    and ``periodize check`` of the file leaves his row out as the season's plan does."""
    from planner.check import check_plan
    from planner.planjson import load_plan, plan_to_json

    old = planned()
    assert "unplanned" not in json.loads(plan_to_json(old, old.plan))  # a file as before
    added = E.AddAthlete(athlete=SIGNING).apply(old)
    body = json.loads(plan_to_json(added, added.plan))
    assert body["unplanned"] == ["A9"]
    his = next(a for a in body["athletes"] if a["id"] == "A9")
    assert len(his["days"]) == 21 and {d["session"] for d in his["days"]} == {None}
    assert {d["load"] for d in his["days"]} == {0} and {w["load"] for w in his["weeks"]} == {0}
    a1 = next(a for a in body["athletes"] if a["id"] == "A1")
    assert None not in {d["session"] for d in a1["days"]}  # the others' days as before
    (tmp_path / "plan.json").write_text(json.dumps(body), encoding="utf-8")
    back = load_plan(tmp_path / "plan.json", added)
    assert back.unplanned == ("A9",)
    report = check_plan(added, back)
    assert report.unplanned == ("A9",) and not any(v.athlete == "A9" for v in report.violations)
    assert unplanned_line(added, back).startswith("1 athlete not planned yet (New Signing): ")
    body["unplanned"] = ["A99"]
    (tmp_path / "plan.json").write_text(json.dumps(body), encoding="utf-8")
    import pytest

    from planner.errors import InputError
    with pytest.raises(InputError, match="unplanned: A99 is not an athlete of the season"):
        load_plan(tmp_path / "plan.json", added)


def _cells(ws) -> list[str]:
    return [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]


def test_no_squad_sheet_nor_figure_prices_his_placeholder():
    """The Calendar, Speed days, Overview, Load and Season review sheets, the load figures and
    the season review leave him out: his 0 % row made a 'monotony > 2.0' of its own."""
    from planner.load import figures
    from planner.review import season_review
    from planner.squad import planned_order
    from planner.xlsx_export import build_workbook
    from tests.builders import day

    s = season(weeks=3, athletes=2, today=day(10))
    added = E.AddAthlete(athlete=SIGNING).apply(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}))
    assert [a.id for a in planned_order(added)] == ["A1", "A2"]
    wb = build_workbook(added, added.plan)
    for name in ("Calendar", "Speed days", "Overview", "Load", "Season review"):
        cells = _cells(wb[name])
        assert any("Athlete 1" in c for c in cells), name  # the others are there
        assert not any("A9" in c or "Signing" in c for c in cells), name
    assert set(figures(added)) == {"A1", "A2"}
    review = season_review(added)
    assert [r.athlete for r in review.rows] == ["A1", "A2"]
    assert review.total.planned == sum(r.planned for r in review.rows) == 1080
    everyone = added.plan.model_copy(update={"unplanned": ()})  # the same row as a plan: counted
    assert "A9" in figures(added, everyone)
    assert [r.athlete for r in season_review(added, everyone).rows] == ["A1", "A2", "A9"]


def test_an_injured_newcomer_is_said_injured_not_fit():
    """His placeholder row reads FIT: the Cover said "No injured athlete" and the Returns sheet
    listed nobody. His records say P2, and his return is not planned yet."""
    from planner.squad import display_ids, injured_not_planned
    from planner.xlsx_export import build_workbook
    from tests.builders import day, injury

    s = season(weeks=4, athletes=2, today=day(3))
    added = E.AddAthlete(athlete=SIGNING).apply(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}))
    added = added.model_copy(update={"injuries": (injury("A9", "P2", start_day=-3),)})
    assert [(a.id, st) for a, _, st in injured_not_planned(added)] == [("A9", "P2")]
    assert display_ids(added)[0] == "A9"  # listed first, as an injured athlete is
    wb = build_workbook(added, added.plan)
    cover = {r[0]: r[1] for r in wb["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Injured"].startswith("Injured, not planned yet: New Signing (P2): no return "
                                       "planned until Plan ▸ Solve (F5).")
    assert "No injured athlete" not in cover["Injured"]
    rows = [r for r in wb["Returns"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert rows[0][:2] == ("New Signing (A9)", "Forward")
    assert rows[0][4:6] == ("P2 (recorded)", "Not planned yet: Plan ▸ Solve (F5)")
    assert wb["Returns"].auto_filter.ref == f"A1:{wb['Returns'].cell(1, wb['Returns'].max_column).column_letter}2"
    anon = build_workbook(added, added.plan, anonymise=True)
    assert [r[:4] for r in anon["Returns"].iter_rows(min_row=2, max_row=2, values_only=True)] == \
        [("A9", "Forward", "–", "–")]
    fit = E.AddAthlete(athlete=SIGNING).apply(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}))
    assert injured_not_planned(fit) == []
    cover = {r[0]: r[1] for r in build_workbook(fit, fit.plan)["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Injured"].startswith("No injured athlete in this plan.")
    # an older, healed injury and one ahead: the one ahead is named beside "fit until the onset
    # ahead", with its onset (the healed one's onset and target were)
    healed = injury("A9", "FIT", start_day=-5, onset_day=-40, history=(("P2", -30),))
    ahead = injury("A9", "P2", start_day=12, onset_day=10)
    two = added.model_copy(update={"injuries": (healed, ahead)})
    assert [(a.id, rec.onset, st) for a, rec, st in injured_not_planned(two)] == [("A9", day(10), "FIT")]
    row = next(r for r in build_workbook(two, two.plan)["Returns"].iter_rows(min_row=2, values_only=True)
               if r[0] == "New Signing (A9)")
    assert row[3] == day(10) and row[4] == "fit until the onset ahead (recorded)", row


def test_a_stage_out_of_time_is_said_for_a_newcomer_his_placeholder_does_not_cover():
    """Nothing lived stands for his stage's days (his row is a placeholder): the input warning
    that a stage cannot end in time is said for him, as for a season without a plan."""
    from planner.progress import stages_out_of_time
    from tests.builders import day, injury

    s = season(weeks=3, athletes=2, today=day(12))
    added = E.AddAthlete(athlete=SIGNING).apply(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}))
    added = added.model_copy(update={"injuries": (injury("A9", "S1", start_day=0),)})
    found = stages_out_of_time(added)
    assert [(x.athlete, x.stage) for x in found] == [("A9", "S1")]
    assert found[0].words(added, "s.season.json").startswith(
        "New Signing (A9): in S1 since Mon 4 Jan 2027, 12 days by Sat 16 Jan 2027 (S1 lasts at most 14")
    planned = added.model_copy(update={"plan": added.plan.model_copy(update={"unplanned": ()})})
    assert stages_out_of_time(planned) == []  # a plan of his days: those may have done its work
