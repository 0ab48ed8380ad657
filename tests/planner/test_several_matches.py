"""Several competitions on one day (a youth tournament: each match entered as a competition of its
own): each competition carries the athlete's own role for it, never better than the day's plan,
and each one played counts in the day's planned load (docs/semantics.md, "Several competitions on
one day")."""

from __future__ import annotations

from icalendar import Calendar

from planner.check import check_plan
from planner.daymarks import day_rows
from planner.handout import handout_weeks
from planner.ical import athlete_calendar, team_calendar
from planner.loadtable import athlete_load
from planner.planjson import plan_to_dict
from planner.returns import return_text, returns
from planner.season import AthletePlan, Competition, MatchRole
from planner.sessions import Prescriber
from planner.timeline import Timeline
from planner.why import why_day
from planner.xlsx_export import OVERVIEW_SHEET, RETURNS_SHEET, build_workbook
from tests.planner.test_xlsx_export import _day, small_plan, small_season

CUP = 9  # day index of "Cup round 2" (B), and now of "Cup round 2b" (B) too


def tournament():
    """A1 starts the first match and is set out of the second; A4 is on the bench in the first and
    starts the second; A3 is in rehab (set to start both)."""
    base = small_season()
    season = base.model_copy(update={
        "competitions": base.competitions + (
            Competition(id="c2b", name="Cup round 2b", date=_day(CUP), priority="B"),),
        "roles": (MatchRole(competition="c2", athlete="A1", role="start"),
                  MatchRole(competition="c2b", athlete="A1", role="out"),
                  MatchRole(competition="c2", athlete="A4", role="bench"),
                  MatchRole(competition="c2b", athlete="A4", role="start")),
    })
    return season.model_copy(update={"plan": small_plan(season)})


def test_each_match_of_the_day_says_the_athletes_own_role_in_the_handout():
    s = tournament()
    week = Timeline(s).week_of[CUP]
    lines = {w.athlete: w.matches for w in handout_weeks(s, s.plan, ["A1", "A4", "A3"], [week])}
    assert "Wed 13 Jan: Cup round 2 (B), you start; Cup round 2b (B), not in the squad" in lines["A1"]
    assert "Wed 13 Jan: Cup round 2 (B), on the bench; Cup round 2b (B), you start" in lines["A4"]
    # held out of the day (rehab): so for every match of it, in one line
    assert "Wed 13 Jan: Cup round 2 (B) / Cup round 2b (B), in rehab, not playing" in lines["A3"]


def test_each_match_of_the_day_says_the_athletes_own_role_in_the_calendar():
    s = tournament()

    def summaries(aid):
        cal = Calendar.from_ical(athlete_calendar(s, s.plan, aid).to_ical())
        return {str(e["summary"]) for e in cal.walk("VEVENT")
                if "Competition" in [str(c) for c in e.get("categories").cats]}

    a1, a4 = summaries("A1"), summaries("A4")
    assert {"1/2 Cup round 2: you start", "2/2 Cup round 2b: not in the squad"} <= a1
    assert "2/2 Cup round 2b: you start" not in a1
    assert {"1/2 Cup round 2: on the bench", "2/2 Cup round 2b: you start"} <= a4


def test_a_days_matches_keep_the_season_files_order_in_the_calendars_with_their_uids():
    """All-day events have no time: a calendar app orders one day's by name (Final before
    Quarter-final). Each says its place among the day's, in the order the season file gives."""
    base = tournament()
    day = _day(CUP + 1)
    finals = tuple(Competition(id=cid, name=name, date=day, priority="A")
                   for cid, name in (("qf", "Quarter-final"), ("sf", "Semi-final"), ("fin", "Final")))
    s = base.model_copy(update={"competitions": base.competitions + finals})
    s = s.model_copy(update={"plan": small_plan(s)})

    def events(cal):
        return [(str(e["summary"]), str(e["uid"])) for e in Calendar.from_ical(cal.to_ical()).walk("VEVENT")
                if "Competition" in [str(c) for c in e.get("categories").cats]]

    ours = [(summary, uid) for summary, uid in events(athlete_calendar(s, s.plan, "A2"))
            if summary[:4] in ("1/3 ", "2/3 ", "3/3 ")]
    assert [summary.split(":")[0] for summary, _ in ours] == [
        "1/3 Quarter-final", "2/3 Semi-final", "3/3 Final"]
    assert [uid.rsplit("-", 1)[1] for _, uid in ours] == ["qf@periodize", "sf@periodize", "fin@periodize"]
    staff = [summary for summary, _ in events(team_calendar(s, s.plan))]
    assert [t for t in staff if t.endswith("(priority A)")][-3:] == [
        "1/3 Quarter-final (priority A)", "2/3 Semi-final (priority A)", "3/3 Final (priority A)"]
    assert "League match 3 (priority C)" in staff  # alone on its day: no place said


def semi_and_final():
    """A semi-final and the final on one day of the last week, entered in that order (by name:
    Final first)."""
    base = small_season()
    day = _day(15)
    s = base.model_copy(update={"competitions": base.competitions + (
        Competition(id="sf", name="Semi-final", date=day, priority="A"),
        Competition(id="fin", name="Final", date=day, priority="A"))})
    return s.model_copy(update={"plan": small_plan(s)})


def test_a_days_matches_keep_the_season_files_order_in_the_overview_and_the_plan_json():
    """The calendars listed a tournament day's matches in the order entered, the workbook's
    Overview and the plan JSON by name or ID (Final before Semi-final)."""
    from planner.xlsx_overview import FIRST_WEEK_COL

    s = semi_and_final()
    week = Timeline(s).week_of[15]
    cell = build_workbook(s, s.plan)[OVERVIEW_SHEET].cell(row=5, column=FIRST_WEEK_COL + week).value
    assert cell.index("Semi-final (A)") < cell.index("\nFinal (A)"), cell
    ids = [c["id"] for c in plan_to_dict(s, s.plan)["competitions"]]
    assert ids.index("sf") + 1 == ids.index("fin")


def test_the_inspector_names_each_matchs_role_and_the_session_the_day_plays():
    s = tournament()
    assert day_rows(s, "A1", CUP) == [
        ("Role", "Cup round 2: plays (starts); Cup round 2b: out of the squad")]
    p = Prescriber(s, s.plan).athlete("A4")[CUP]
    assert p.summary == "Match: Cup round 2b (start); Cup round 2: on the bench"


def test_the_planned_day_load_is_the_sum_over_the_matches_played():
    s = tournament()
    al = {a: athlete_load(s, s.plan, a) for a in ("A1", "A4", "A2")}
    # A1 plays one of the two (out of the other): one start, as before
    assert al["A1"].planned[al["A1"].season_start + CUP] == 95 * 8
    # A4 starts one and comes off the bench in the other: both count
    assert al["A4"].planned[al["A4"].season_start + CUP] == 95 * 8 + 30 * 7
    # A2 (the default role, start) starts both
    assert al["A2"].planned[al["A2"].season_start + CUP] == 2 * 95 * 8
    # a day with one competition is unchanged
    assert al["A2"].planned[al["A2"].season_start + 5] == 95 * 8
    # the plan JSON, the handout's minutes x RPE and load, and the explanation say the same
    days = {a["id"]: a["days"][CUP] for a in plan_to_dict(s, s.plan)["athletes"]}
    assert days["A4"]["load"] == 970 and days["A2"]["load"] == 1520
    week = Timeline(s).week_of[CUP]
    hd = next(d for d in handout_weeks(s, s.plan, ["A4"], [week])[0].days if d.date == _day(CUP))
    assert (hd.minutes, hd.load) == (125, 970) and abs(hd.minutes * hd.rpe - 970) < 10
    text = why_day(s, s.plan, "A4", _day(CUP)).text()
    assert ("Planned load 970 AU = 95 min x RPE 8 (started) + 30 min x RPE 7 (from the bench)"
            in text)
    assert check_plan(s, s.plan) is not None


def test_a_what_if_adding_a_match_on_a_match_day_says_what_changes_or_why_nothing_does():
    """A competition added on the day of another changes no day of the plan (the day was a match
    day already): "Changed athlete-days: 0" said nothing else. The comparison now gives the
    planned load it adds, and names the day's other competition."""
    from planner.scenarios import compare

    base = small_season()
    base = base.model_copy(update={"plan": small_plan(base)})
    cup2b = Competition(id="c2b", name="Cup round 2b", date=_day(CUP), priority="B")
    more = base.model_copy(update={"competitions": base.competitions + (cup2b,)})
    text = compare(base, base.plan, more, base.plan).text()
    assert "Intensity or stage changed on 0 athlete-days" in text
    # A1, A2 and A4 start both (the default role); A3 is in rehab
    assert ("Planned load changed on 3 athlete-days, all at the same intensity and stage (the "
            "session's minutes or RPE follow the week's kind and the match days):\n  - Wed 13 Jan "
            "+2,280 AU (3 athletes)") in text
    assert ("'Cup round 2b' is on Wed 13 Jan with 'Cup round 2', a match day already: each "
            "match an athlete plays there counts in the day's planned load.") in text
    # the whole squad out of it: nothing in the plan changes, and the comparison says why
    out = more.model_copy(update={"roles": tuple(
        MatchRole(competition="c2b", athlete=a.id, role="out") for a in more.athletes)})
    text = compare(base, base.plan, out, base.plan).text()
    assert "Planned load changed" not in text
    assert ("'Cup round 2b' is on Wed 13 Jan with 'Cup round 2', a match day already: nobody "
            "plays it in a role that adds to the day's load (out of it, or not playing that "
            "day), so nothing in the plan changes.") in text


def test_the_explanation_of_a_match_day_names_each_matchs_own_role():
    """It read "Starts 'Cup round 2' / 'Cup round 2b' (...): the match is the exposure (100 %)"
    for a player set out of the second match, beside a Role line saying he is out of it."""
    s = tournament()
    src = "the role set for this match in Season ▸ Match Roles"
    text = why_day(s, s.plan, "A1", _day(CUP)).text()
    assert (f"Starts 'Cup round 2' ({src}): the match is the exposure (100 %); "
            f"out of 'Cup round 2b' ({src}).") in text
    assert "'Cup round 2' / 'Cup round 2b'" not in text
    text = why_day(s, s.plan, "A4", _day(CUP)).text()
    assert (f"Starts 'Cup round 2b' ({src}): the match is the exposure (100 %); "
            f"on the bench for 'Cup round 2' ({src}).") in text
    # the same role in both (A2, a goalkeeper, by default): one line for the day, as before
    text = why_day(s, s.plan, "A2", _day(CUP)).text()
    assert ("Starts 'Cup round 2' / 'Cup round 2b' (the player's default role; Season ▸ Match "
            "Roles sets one for this match): played at 100 %") in text


def test_a_week_counts_match_days_as_speed_days_and_says_the_matches_on_them():
    """A4 plays both matches of Wed 13 Jan and League match 4 on Sat 16 Jan: 2 speed days (HV-2
    counts a day once), 3 matches. The handout's week head read "incl. 2 matches" and HV-2
    "2 matches played": days counted and called matches."""
    s = tournament()
    week = Timeline(s).week_of[CUP]
    heads = {w.athlete: w for w in handout_weeks(s, s.plan, ["A1", "A2", "A4"], [week])}
    assert "incl. 2 match days (3 matches)," in heads["A4"].speed_line
    # one match each match day (A1 is out of Cup round 2b): said as before
    assert "incl. 2 matches," in heads["A1"].speed_line
    a4 = why_day(s, s.plan, "A4", _day(CUP)).text()
    assert ("A day of matches played counts as one speed day, however many it has: 2 match days "
            "(3 matches) played this deload week") in a4
    assert ("The 2 match days (3 matches) played are over this deload week's cap"
            in why_day(s, s.plan, "A4", _day(CUP + 1)).text())
    a1 = why_day(s, s.plan, "A1", _day(CUP)).text()
    assert "A played match counts as a speed day: 2 matches played this deload week" in a1
    assert ("The 2 matches played are over this deload week's cap"
            in why_day(s, s.plan, "A1", _day(CUP + 2)).text())


def test_an_exempt_goalkeepers_matches_are_not_counted_as_his_hv_exposures():
    """A2, a goalkeeper, starts both matches of Wed 13 Jan and League match 4: his day rows say
    "the match is your session", but the week head counted them in "N HV exposures"."""
    s = tournament()
    tl = Timeline(s)
    ap = s.plan.for_athlete("A2")
    for w in range(len(tl.weeks)):
        head = handout_weeks(s, s.plan, ["A2"], [w])[0]
        sessions = sum(1 for i in tl.weeks[w].days if ap.intensity[i] >= 90 and not tl.is_comp[i])
        assert head.hv_exposures == sessions
    head = handout_weeks(s, s.plan, ["A2"], [tl.week_of[CUP]])[0]
    # no count of what is not asked of him
    assert head.speed_line.endswith("incl. 2 match days (3 matches); no high-velocity work asked "
                                    "of a goalkeeper")
    # a player's match is his exposure: A4 starts two days of the week
    a4 = handout_weeks(s, s.plan, ["A4"], [tl.week_of[CUP]])[0]
    assert a4.hv_exposures == 2


def test_every_count_of_a_goalkeepers_hv_exposures_is_his_handouts():
    """The what-if comparison and the athlete sheet's counts took A2's (a goalkeeper's) matches
    for HV exposures ("HV A 26  HV B 29": a tournament added 3) while his handout said 0."""
    from planner.scenarios import compare

    s = tournament()
    tl = Timeline(s)
    weeks = handout_weeks(s, s.plan, ["A2", "A4"], range(len(tl.weeks)))
    handout = {a: sum(w.hv_exposures for w in weeks if w.athlete == a) for a in ("A2", "A4")}
    raw = sum(v >= 90 for v in s.plan.for_athlete("A2").intensity)
    assert handout["A2"] == raw - 3  # his 3 match days (4 matches) are no exposure of his
    diffs = {d.athlete: d for d in compare(s, s.plan, s, s.plan).athletes}
    for a in ("A2", "A4"):  # a player's match still is his exposure (A4: 3 of them)
        assert diffs[a].hv_a == diffs[a].hv_b == handout[a], a
    ws = build_workbook(s, s.plan)["A2 Bo Birch"]
    (sheet,) = [ws.cell(row=r, column=2).value for r in range(1, 12)
                if ws.cell(row=r, column=1).value == "Counts"]
    assert sheet.startswith(f"5 speed days and {handout['A2']} HV exposures in 3 weeks"), sheet


def returner(roles=()):
    """A3 back (FIT) on Mon 11 Jan, his first match the two of Wed 13 Jan; ``roles`` for him."""
    s = tournament()
    tl = Timeline(s)
    stages = ("INJ", "INJ") + ("P1",) * 5 + ("FIT",) * (tl.n - 7)
    it = tuple(0 if st != "FIT" else 100 if tl.is_comp[i] else 70 for i, st in enumerate(stages))
    a3 = AthletePlan(athlete="A3", stages=stages, intensity=it, weeks=("load", "load", "deload"))
    plan = s.plan.model_copy(update={"athletes": tuple(
        a3 if a.athlete == "A3" else a for a in s.plan.athletes)})
    s = s.model_copy(update={"roles": s.roles + tuple(
        MatchRole(competition=c, athlete="A3", role=r) for c, r in roles)})
    return s.model_copy(update={"plan": plan})


def test_a_first_match_back_on_a_day_of_several_names_the_matches_he_starts():
    """Told to set bench for his first match back to cap its minutes, the coach benched him for
    Cup round 2; the advice came back unchanged (he still starts Cup round 2b) and named no
    match. It names the ones he starts now."""
    cap = "(to cap the minutes of the first match back, set bench for"
    s = returner()
    [r] = [x for x in returns(s, s.plan) if x.athlete == "A3"]
    assert r.first_match == _day(CUP) and r.first_role == "start"
    assert (f"first match Wed 13 Jan 2027 as a starter in 'Cup round 2' and 'Cup round 2b' {cap} "
            "them in the Roles panel)") in return_text(s, r)
    s = returner((("c2", "bench"),))
    [r] = [x for x in returns(s, s.plan) if x.athlete == "A3"]
    line = f"first match Wed 13 Jan 2027 as a starter in 'Cup round 2b' {cap} it in the Roles panel)"
    assert line in return_text(s, r)
    # the Returns sheet says the same
    ws = build_workbook(s, s.plan)[RETURNS_SHEET]
    header = [c.value for c in ws[1]]
    rows = [{h: c.value for h, c in zip(header, r, strict=False)} for r in ws.iter_rows(min_row=2)]
    row = next(r for r in rows if r["Athlete"] == "Cy Cedar (A3)")
    assert row["First match"] == line.removeprefix("first match ")
    # benched for both: off the bench, no advice
    s = returner((("c2", "bench"), ("c2b", "bench")))
    s = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"intensity": tuple(80 if v == 100 else v for v in a.intensity)})
        if a.athlete == "A3" else a for a in s.plan.athletes)})})
    [r] = [x for x in returns(s, s.plan) if x.athlete == "A3"]
    assert "off the bench" in return_text(s, r) and "as a starter" not in return_text(s, r)


def test_the_load_a_what_if_adds_is_said_day_by_day_in_one_wording():
    """The command line and the app's heading say the same figures: the app's heading read
    "planned load changed on 12 athlete-days" and no AU (``Comparison.load_words``)."""
    from planner.scenarios import compare

    base = small_season()
    base = base.model_copy(update={"plan": small_plan(base)})
    more = base.model_copy(update={"competitions": base.competitions + (
        Competition(id="c2b", name="Cup round 2b", date=_day(CUP), priority="B"),
        Competition(id="l3b", name="League match 3b", date=_day(5), priority="C"),
        Competition(id="l4b", name="League match 4b", date=_day(12), priority="C"))})
    comp = compare(base, base.plan, more, base.plan)
    assert len(comp.load_days) == 3
    two = comp.load_words(shown=2)
    assert two.startswith("Planned load changed on ")
    assert two.count(" AU (") == 2 and two.endswith(" …")
    first = comp.load_words(shown=1)
    assert two.startswith(first[:-2]) and first.count(" AU (") == 1
    assert not comp.load_words().endswith("…")
    # the command line: a day a line (a day of one athlete says who and why), the same figures
    head, days = comp.load_words().split(": ", 1)
    assert comp.load_words(why=True) in comp.text()
    assert comp.load_words(why=True).splitlines() == [f"{head}:"] + [f"  - {d}" for d in days.split(", ")]


def test_the_two_counts_of_a_what_if_say_what_each_counts():
    """A moved deload changes the session's minutes on days whose level stays: the comparison read
    "61 athlete-days changed (every athlete); planned load changed on 256 athlete-days", load
    changed on more days than changed. Each count now says what it counts, and how many of the
    load's days kept their intensity and stage."""
    from planner.scenarios import compare

    base = small_season()
    plan = small_plan(base)
    base = base.model_copy(update={"plan": plan})

    def moved(a: AthletePlan) -> AthletePlan:  # week 1 a deload, and A1 faster on its Tuesday
        weeks = ("deload" if a.weeks[0] != "deload" else "load",) + a.weeks[1:]
        level = (a.intensity[0], 95 if a.intensity[1] != 95 else 90) if a.athlete == "A1" else a.intensity[:2]
        return a.model_copy(update={"weeks": weeks, "intensity": level + a.intensity[2:]})

    other = plan.model_copy(update={"team_weeks": ("deload", "load", "taper"),
                                    "athletes": tuple(moved(a) for a in plan.athletes)})
    comp = compare(base, plan, base, other)
    assert comp.changed_days == 1
    loaded = sum(k for _, k, _ in comp.load_days)
    assert loaded > comp.changed_days and comp.load_only == loaded - 1
    text = comp.text()
    assert "Intensity or stage changed on 1 athlete-day\n" in text
    assert (f"Planned load changed on {loaded} athlete-days, {loaded - 1} of them at the same "
            f"intensity and stage (the session's minutes or RPE follow the week's kind and the "
            f"match days):\n  - ") in text
    assert "Changed athlete-days" not in text and "athlete-days changed" not in text


def test_athletes_of_the_same_figures_are_each_named_in_the_comparison():
    """Two athletes whose figures the scenario changes alike read "Noah Schulz (P06) and 1 more",
    and four "Ben Carter (A06) and 3 more" (review 249 #6: which three?): every athlete is
    named on a row of their own, those of the same figures side by side."""
    from planner.scenarios import compare
    from planner.season import AthletePlan, Plan
    from tests.builders import season

    s = season(weeks=2, athletes=6, matches=[])

    def plan(changed: dict[str, list[int]]):
        return Plan(status="manual", team_weeks=("load",) * 2, athletes=tuple(
            AthletePlan(athlete=a.id, stages=("FIT",) * 14, weeks=("load",) * 2, intensity=tuple(
                0 if k in changed.get(a.id, ()) else 70 for k in range(14)))
            for a in s.athletes))

    a, b = plan({}), plan({"A1": [3], "A2": [3], "A3": [3, 4], "A4": [3, 4], "A5": [3, 4],
                           "A6": [3, 4]})
    rows = compare(s, a, s, b).text().splitlines()
    named = [r.split(" (A")[0] for r in rows if r.startswith("Athlete ")]
    assert named == [f"Athlete {k}" for k in range(1, 7)]
    for k, days in ((1, 1), (2, 1), (3, 2), (4, 2), (5, 2), (6, 2)):
        row = next(r for r in rows if r.startswith(f"Athlete {k} (A{k}) "))
        assert row.split()[-1] == str(days)
    assert not any(" more " in r for r in rows if r.startswith("Athlete "))


def test_a_tournament_weeks_matches_are_legible_in_the_printed_workbook(tmp_path):
    """Three matches a day on two days: the Calendar's cell said "Cup pool v Lions (A); Cup"
    (cut, not wrapped), the Overview's narrow week column held six names side by side (cut, or
    over the next week). The Calendar now gives each match a line, wrapped in a row as tall as
    them all; the Overview says the week's matches as one line."""
    import openpyxl

    from planner.xlsx_export import export_workbook
    from planner.xlsx_layout import line_height
    from tests.planner.test_xlsx_export import small_season as base_season

    names = [(CUP, "Cup pool v Lions"), (CUP, "Cup pool v Sharks"), (CUP, "Cup pool v Hawks"),
             (CUP + 1, "Cup Quarter-final"), (CUP + 1, "Cup Semi-final"), (CUP + 1, "Cup Final")]
    base = base_season()
    s = base.model_copy(update={"competitions": (base.competitions[0],) + tuple(
        Competition(id=f"t{k}", name=name, date=_day(i), priority="A") for k, (i, name) in enumerate(names))})
    path = tmp_path / "plan.xlsx"
    export_workbook(s, small_plan(s), path)
    wb = openpyxl.load_workbook(path)
    cal = wb["Calendar"]
    for i, day_names in ((CUP, names[:3]), (CUP + 1, names[3:])):
        cell = cal.cell(row=i + 2, column=5)
        assert cell.value == "\n".join(f"{n} (A)" for _, n in day_names)
        assert cell.alignment.wrap_text
        assert cal.row_dimensions[i + 2].height >= 3 * line_height(9)
    lone = cal.cell(row=5 + 2, column=5)
    assert lone.value == "League match 3 (C)" and lone.alignment.wrap_text
    ov = wb["Overview"]
    week = Timeline(s).week_of[CUP]
    row5 = {c.column: c.value for c in ov[5] if c.value}
    assert row5[3 + week] == "Cup ×6 (A)"
    assert row5[3 + Timeline(s).week_of[5]] == "League match 3 (C)"  # one a week: its name


def test_a_weeks_many_matches_of_no_common_name_are_counted():
    from planner.xlsx_overview import week_words

    def comp(name, priority):
        return Competition(id=name, name=name, date=_day(CUP), priority=priority)

    assert week_words([comp("Lions", "A"), comp("Sharks", "B")]) == "Lions (A)\nSharks (B)"
    assert week_words([comp("Lions", "A"), comp("Sharks", "B"), comp("Hawks", "A")]) == \
        "3 competitions (A, B)"
    assert week_words([comp("Nationals Pool v Lions", "A"), comp("Nationals Pool v Sharks", "A"),
                       comp("Nationals Pool v Hawks", "A")]) == "Nationals Pool ×3 (A)"


def test_the_athlete_sheet_counts_each_match_played_and_the_days_they_are_on():
    """The Counts line read "16 matches started" for a player starting three matches on each of
    16 tournament days: it counted days and called them matches. Each competition played counts,
    in its own role, and the days are said when a day holds several."""
    s = tournament()
    wb = build_workbook(s, s.plan)

    def counts(title):
        ws = wb[title]
        (line,) = [ws.cell(row=r, column=2).value for r in range(1, 12)
                   if ws.cell(row=r, column=1).value == "Counts"]
        return line.split("; ", 1)[1]

    # A2 (the default role) starts both of Wed 13 Jan's and the two league matches
    assert counts("A2 Bo Birch").startswith("4 matches started on 3 days, 0 matches from the bench")
    # A4 is on the bench in one of Wed 13 Jan's and starts the other: each in its role
    assert counts("A4 Di Dale").startswith("3 matches started, 1 match from the bench")
    # A1 is out of the second: one match that day
    assert counts("A1 Ann Ash").startswith("3 matches started, 0 matches from the bench")


def test_a_first_match_back_of_three_names_them_as_a_list_not_and_and():
    """A tournament day of three matches read "as a starter in 'M1' and 'M2' and 'M3'" on the
    Returns sheet."""
    s = returner()
    s = s.model_copy(update={"competitions": s.competitions + (
        Competition(id="c2c", name="Cup round 2c", date=_day(CUP), priority="B"),)})
    [r] = [x for x in returns(s, s.plan) if x.athlete == "A3"]
    line = ("Wed 13 Jan 2027 as a starter in 'Cup round 2', 'Cup round 2b' and 'Cup round 2c' (to "
            "cap the minutes of the first match back, set bench for them in the Roles panel)")
    assert f"first match {line}" in return_text(s, r)
    ws = build_workbook(s, s.plan)[RETURNS_SHEET]
    header = [c.value for c in ws[1]]
    rows = [{h: c.value for h, c in zip(header, r, strict=False)} for r in ws.iter_rows(min_row=2)]
    assert next(r for r in rows if r["Athlete"] == "Cy Cedar (A3)")["First match"] == line


def test_a_tournaments_shared_name_keeps_its_words_with_a_digit():
    """'Summer 7s D1 M1' … 'D2 M3' read 'Summer ×6 (A)', and 'Regional Series 1', '2' and '3'
    all read 'Regional Series ×6 (B)': a short word with a digit was dropped as if it joined the
    name to the rest, like 'v'. It is the name's own; 'v' and '-' still go."""
    from planner.xlsx_overview import week_words

    def six(name, priority):
        return [Competition(id=f"{name}{d}{m}", name=f"{name} D{d} M{m}", date=_day(CUP),
                            priority=priority) for d in (1, 2) for m in (1, 2, 3)]

    assert week_words(six("Summer 7s", "A")) == "Summer 7s ×6 (A)"
    assert week_words(six("Invitational 7s", "B")) == "Invitational 7s ×6 (B)"
    assert week_words(six("Regional Series 1", "B")) == "Regional Series 1 ×6 (B)"
    assert week_words(six("U17 Cup 2", "C")) == "U17 Cup 2 ×6 (C)"
    assert week_words(six("Cup -", "A")) == "Cup ×6 (A)"


def test_the_season_review_counts_each_match_as_the_load_does():
    """Three starts on one tournament day were 3 x 760 AU in the week's load, and "Started 1" in
    the season review (it counted match days): a season of 19 competitions read "Started 17 ...
    0 of 17". The review counts each match in the athlete's own role for it, as the load does."""
    from planner.loadtable import LoadTable
    from planner.returns import AthleteFacts
    from planner.review import season_review
    from planner.rules import RuleSet
    from planner.season import Session

    s = tournament()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": _day(CUP + 1)})})
    rows = {r.athlete: r for r in season_review(s).rows}
    tl, table = Timeline(s), LoadTable.of_season(s)
    start, bench = (m * r for m, r in map(table.match, ("start", "bench")))
    past = [i for i in tl.comp_days if i < tl.p0]
    for aid, row in rows.items():
        load = athlete_load(s, s.plan, aid)
        f = AthleteFacts(s, tl, RuleSet(s.rules), s.plan.for_athlete(aid))
        # the matches the load prices, each of a day of several
        assert row.started * start + row.bench * bench == sum(
            load.planned[load.season_start + i] for i in past if f.played[i]), aid
        assert row.matches == sum(len(tl.comp_on[i]) for i in past), aid
    # by hand: A1 starts League match 3 and Cup round 2 and is out of Cup round 2b; A4 starts
    # two and is on the bench in one; A3, in rehab, misses all three
    assert (rows["A1"].started, rows["A1"].bench, rows["A1"].not_played) == (2, 0, 1)
    assert (rows["A4"].started, rows["A4"].bench, rows["A4"].not_played) == (2, 1, 0)
    assert (rows["A3"].missed_injured, rows["A3"].started) == (3, 0)
    (a3,) = season_review(s).injuries
    assert a3.missed == 3

    # minutes played logged on the tournament day: both of its matches, and both "with minutes"
    logged = s.model_copy(update={"sessions": (
        Session(athlete="A2", date=_day(CUP), minutes=150.0, rpe=8.0, minutes_played=150.0),)})
    a2 = {r.athlete: r for r in season_review(logged).rows}["A2"]
    assert (a2.started, a2.matches_logged, a2.cell("matches_logged")) == (3, 2, "2 of 3")
