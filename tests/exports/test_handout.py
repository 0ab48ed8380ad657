"""The athlete handout (planner/handout.py) says what the plan says, day by day and week by week."""

from __future__ import annotations

from planner import text
from planner.handout import RUN_RULE, Handouts, _run_said, handout_weeks, keep_units
from planner.loadtable import LoadTable
from planner.protocols import load_protocol
from planner.returns import returns
from planner.rules import RuleSet
from planner.season import FIT, HV_LEVEL, SPEED_DAY
from planner.sessions import session_ids
from planner.squad import display_ids, hv1_exempt
from planner.timeline import Timeline
from tests.exports.demo import solved_demo


def test_every_handout_week_is_the_plans_week():
    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    ids = session_ids(season, plan)
    weeks = handout_weeks(season, plan)
    assert len(weeks) == len(season.athletes) * len(tl.weeks)
    assert [w.athlete for w in weeks[:: len(tl.weeks)]] == display_ids(season, plan)
    for w in weeks:
        ap = plan.for_athlete(w.athlete)
        days = list(tl.weeks[w.week - 1].days)
        assert [d.date for d in w.days] == [tl.days[i] for i in days]
        assert [d.stage for d in w.days] == [ap.stages[i] for i in days]
        assert [d.intensity for d in w.days] == [ap.intensity[i] for i in days]
        assert [d.session.session for d in w.days] == [ids[w.athlete][i] for i in days]
        assert [d.md for d in w.days] == [tl.day_label(i, "\n") for i in days]
        assert w.kind == ap.weeks[w.week - 1]
        if all(i in tl.unavailable(w.athlete) for i in days):  # one line: away, nothing planned
            assert w.kind_text.startswith("Away all week (") and w.matches == () and w.stage == ""
            assert w.speed_days == w.hv_exposures == 0 and w.planned_load is None
            continue
        assert w.speed_days == sum(1 for i in days if ap.intensity[i] >= SPEED_DAY)
        # an exempt goalkeeper's match is not his HV exposure ("the match is your session")
        exempt = hv1_exempt(RuleSet(season.rules), season.athlete(w.athlete).position)
        assert w.hv_exposures == sum(1 for i, d in zip(days, w.days, strict=True)
                                     if ap.intensity[i] >= HV_LEVEL
                                     and not (exempt and d.role in ("start", "bench")))
        assert len(w.matches) == sum(1 for i in days if tl.is_comp[i])
        for d in w.days:
            if d.role in ("start", "bench"):
                assert d.intensity == (100 if d.role == "start" else 80) and d.stage == FIT
        assert w.planned_load == sum(d.session.load for d in w.days)
        # the player's page: his load in his words, and what to tell the coach
        assert w.load_text == f"{w.planned_load:,.0f} AU (minutes × target RPE)"
        assert w.report == "After each session tell the coach your effort (RPE 0–10) and any pain."
        assert w.season == season.name and w.title.startswith(f"Week {w.week} · ")


def text_day(tl, ap, stage):
    from planner.text import day

    return day(tl.days[min(i for i in range(tl.n) if ap.stages[i] == stage)])


def test_a_rehab_week_gives_the_stage_its_limits_and_the_next_milestone():
    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    ap = plan.for_athlete("A07")
    w0 = next(w for w in range(len(tl.weeks)) if ap.stages[tl.weeks[w].first] == "P2")
    (week,) = Handouts(season, plan).weeks("A07", [w0])
    spec = load_protocol("iliopsoas-tendinopathy").stage("P2")
    assert week.stage.startswith(f"P2 {spec.title}: running up to {spec.cap} %")
    assert week.limits == f"kicking: {spec.kicking}; change of direction: {spec.cod}"
    assert "to leave P2" in week.milestone or "P2 lasts at least" in week.milestone
    nxt = next(i for i in range(tl.weeks[w0].first, tl.n) if ap.stages[i] != "P2")
    assert f"planned: {ap.stages[nxt]} from" in week.milestone
    target = next(r for r in returns(season, plan) if r.athlete == "A07")
    assert f"target {target.target}" in week.milestone
    # a week with a stage change says each stage's limits after its own words
    aid, w1 = next((a.athlete, w) for a in plan.athletes for w in range(len(tl.weeks))
                   if len({a.stages[i] for i in tl.weeks[w].days} - {"FIT", "INJ"}) == 2)
    ap = plan.for_athlete(aid)
    (change,) = Handouts(season, plan).weeks(aid, [w1])
    first_st, second_st = sorted({ap.stages[i] for i in tl.weeks[w1].days} - {"FIT"},
                                 key=lambda x: min(i for i in tl.weeks[w1].days if ap.stages[i] == x))
    proto = load_protocol(season.injuries_of(aid)[-1].protocol)
    head, _, tail = change.stage.partition("From ")
    assert f"Limits: kicking: {proto.stage(first_st).kicking};" in head
    assert tail.startswith(f"{text_day(tl, ap, second_st)}: {second_st}")
    assert f"Limits: kicking: {proto.stage(second_st).kicking};" in tail and change.limits == ""
    # every day of the week keeps the stage's limits, but rest days
    for d in week.days:
        if d.session.context == "rehab":
            assert (d.session.kicking, d.session.cod) == (spec.kicking, spec.cod)


def test_the_return_week_counts_the_team_sessions_before_the_first_match():
    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    ret = next(r for r in returns(season, plan) if r.athlete == "A19")
    w = tl.week_of[tl.index(ret.fit)]
    weeks = Handouts(season, plan).weeks("A19", [w, w + 1])
    text = " ".join(x.milestone for x in weeks)
    assert f"back to full training {ret.fit.strftime('%a')} {ret.fit.day}" in text
    assert "3 team sessions before the first match" in text
    notes = [d.session.note for x in weeks for d in x.days if d.session.note]
    assert any("Back in team training: session 1 of 3" in n for n in notes)


def test_an_anonymised_handout_names_no_one_and_no_protocol():
    from planner.anonymise import anonymised

    season, plan = anonymised(solved_demo(), solved_demo().plan)
    weeks = handout_weeks(season, plan, ["A07"], None, anonymise=True)
    proto = load_protocol("iliopsoas-tendinopathy")
    words = " ".join(" ".join((w.who, w.stage, w.milestone, w.block, *w.matches,
                               *(d.session.content + d.session.summary for d in w.days)))
                     for w in weeks)
    assert "Kofi" not in words and proto.name not in words
    for s in proto.stages:
        assert s.title not in words and s.content not in words


def test_a_past_day_with_a_log_shows_what_was_done():
    """Before today a day's minutes, RPE and load are the logged ones (the plan's where nothing
    was logged); from today on the plan's."""
    from planner.history import logged_days
    from tests.planner.test_load import _season

    season = _season()
    plan = season.plan
    tl = Timeline(season)
    logged_seen = planned_seen = 0
    for w in handout_weeks(season, plan):
        log = logged_days(season, w.athlete)
        for d in w.days:
            i = tl.index(d.date)
            got = log.get(d.date) if i < tl.p0 else None
            if got is not None:
                logged_seen += 1
                assert (d.minutes, d.load) == (got.minutes, round(got.load))
                assert d.rpe == (round(got.load / got.minutes, 1) if got.minutes else None)
                # the page says the day was done, with what was logged, before the session
                # (it read as the bare prescription)
                if not d.as_logged:
                    assert d.said.startswith(f"Logged: {d.minutes:g} min")
                    plan_load = d.session.load
                    far = bool(plan_load) and abs(got.load - plan_load) > 0.2 * plan_load
                    assert ("AU, planned" in d.said.split("\n")[0]) == far
            else:
                assert "Logged:" not in d.said
                planned_seen += 1
                assert (d.minutes, d.rpe) == (d.session.minutes, d.session.rpe)
                assert d.load == (d.session.load or None)
        # the week's title says when it is what happened (a practitioner read a past week as
        # instructions)
        first, last = tl.index(w.days[0].date), tl.index(w.days[-1].date)
        # ... and says so when nothing of it was logged (read as planned, not "as logged")
        how = ("as logged" if any(tl.days[i] in log for i in range(first, min(last + 1, tl.p0)))
               else "nothing logged, as planned")
        past = f"past: {how}" if last < tl.p0 else (
            f"{how} to {text.day(tl.days[tl.p0 - 1])}, planned from {text.day(tl.days[tl.p0])}"
            if first < tl.p0 else "")
        assert w.title.endswith(past) and (how in w.title) == bool(past)
        # and its counts are what was done, not a plan ("Planned: 2 speed days" on a past week
        # whose plan had none)
        # ... and a past week with nothing logged counts the plan's, said so ("Done: 1 speed
        # day" stated as fact what was only assumed)
        assert w.speed_label == ("Planned" if first >= tl.p0 else "Planned (nothing logged)"
                                 if how != "as logged" else "Done" if last < tl.p0
                                 else "Done and planned")
    assert logged_seen and planned_seen


def _kofi_past_a_p2_day():
    """The solved demo, with today two days past Kofi's (A07) first P2 day planned at 70 % and
    P2 recorded as planned: (season, timeline, that day's index, the season moved on)."""
    from planner import edits as E
    from planner.progress import projected_transitions

    season = solved_demo()
    tl = Timeline(season)
    ap = season.plan.for_athlete("A07")
    d70 = next(i for i in range(tl.n) if ap.stages[i] == "P2" and ap.intensity[i] == 70)
    moves = projected_transitions(season, tl.days[d70 + 2])  # P2 recorded as planned
    moved = E.AdvanceToday(today=tl.days[d70 + 2], accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date) for t in moves)).apply(season)
    return season, tl, d70, moved


def test_a_past_day_that_went_otherwise_says_so_beside_its_session():
    """Kofi's P2 page (running up to 70 %) printed "Rehab P2: 4 × 30 m at 80 % … the sprint
    ladder" for a day he ran 80 % where 70 % was planned, with nothing marking it, and not the
    6/10 pain logged the next day: a page kept in a rehab file showed a sprint prescribed in P2."""
    from planner import edits as E
    from planner.season import Session
    from solver import SolveRequest, solve

    season, tl, d70, moved = _kofi_past_a_p2_day()
    moved = E.LogSessions(sessions=(
        Session(athlete="A07", date=tl.days[d70], minutes=60, rpe=5, top_speed_pct=81),
        Session(athlete="A07", date=tl.days[d70 + 1], minutes=60, rpe=4, pain=6))).apply(moved)
    fit = next(a.id for a in season.athletes if not season.injuries_of(a.id))
    moved = E.LogSessions(sessions=(  # a fit player's pains: 3/10, then 6/10
        Session(athlete=fit, date=tl.days[d70], minutes=60, rpe=4, pain=3),
        Session(athlete=fit, date=tl.days[d70 + 1], minutes=60, rpe=4, pain=6))).apply(moved)
    plan = solve(SolveRequest(moved, time_limit=30)).plan
    (fit_week,) = Handouts(moved, plan).weeks(fit, [tl.week_of[d70]])
    fit_days = {d.date: d for d in fit_week.days}
    # nothing is proposed for a fit player, but the page read only "Pain 6/10 logged."
    assert fit_days[tl.days[d70 + 1]].deviation.endswith("pain 6/10 logged, 5/10 or more: tell the physio") \
        or fit_days[tl.days[d70 + 1]].deviation == "Pain 6/10 logged, 5/10 or more: tell the physio"
    assert fit_days[tl.days[d70]].deviation.lower().endswith("pain 3/10 logged")  # below the mark
    w = tl.week_of[d70]
    (week,) = Handouts(moved, plan).weeks("A07", [w])
    days = {d.date: d for d in week.days}
    ran = days[tl.days[d70]]
    assert ran.intensity == 80 and ran.deviation == "Logged 81 % (counts as 80 %), planned 70 %, above P2 (at most 70 %)"
    # the page says what was done, not a sprint session made up from the logged 80 %
    from dataclasses import replace

    from ui.desktop.handouts import _day_cells

    assert ran.as_logged and ran.logged_summary == "Logged: 60 min, RPE 5, top speed 81 %"
    cells = _day_cells(ran)
    # kept units: a no-break space before them, a word joiner inside "m/s"
    cells = replace(cells, values=tuple(v.replace("\xa0", " ").replace("\u2060", "") for v in cells.values))
    assert cells.values[3] == "Logged: 60 min, RPE 5, top speed 81 %"  # as written
    planned = ran.planned_session  # beside the log: the session planned, its speed and limits
    assert planned.level == 70 and planned.stage == "P2" and planned.context == "rehab"
    assert cells.values[4] == ("Logged 81 % (counts as 80 %), planned 70 %, above P2 (at most "
                               f"70 %).\nPlanned: {planned.summary}.")
    assert not cells.bold_session
    assert cells.values[5].startswith(f"{planned.speed_ms:.1f} m/s")  # the planned target
    assert cells.values[9] == "\n".join(x[:1].upper() + x[1:] for x in planned.limits.split("; "))
    assert cells.values[9].startswith("Kicking: ")
    # the calendar says it as the handout does: what was logged, beside what was planned (it
    # read "Rehab P2: 4 × 30 m at 80 %", a session neither planned nor logged)
    from planner.ical import athlete_calendar

    (event,) = [e for e in athlete_calendar(moved, plan, "A07").walk("VEVENT")
                if e.get("dtstart").dt == tl.days[d70] and "session" in str(e.get("uid"))]
    assert str(event.get("summary")) == (f"Logged: 60 min, RPE 5, top speed 81 % — planned: "
                                         f"{planned.summary[:1].lower()}{planned.summary[1:]}")
    said = str(event.get("description"))
    assert said.startswith("Logged: 60 min, RPE 5, top speed 81 %.\nLogged 81 % (counts as 80 %), "
                           "planned 70 %, above P2 (at most 70 %).\nPlanned: "), said
    assert "at 80 %" not in said and "target effort (RPE) 4 of 10" in said
    from planner.protocols import load_protocol

    mark = load_protocol(moved.injury_of("A07").protocol).pain_flare
    assert mark <= 6  # the pain proposes a flare-up: said as the command line says it
    assert days[tl.days[d70 + 1]].deviation == (
        f"Pain 6/10 logged, at or above the protocol's {mark}/10 for a flare-up (not recorded)")
    assert all(d.deviation == "" for d in week.days if d.date >= tl.days[d70 + 2])
    assert week.logged_load == 60 * 5 + 60 * 4  # the two days logged, beside the planned load
    # the week's count names the speed day logged where none was planned ("at most 1 speed
    # day. Done: 2 speed days" read as a contradiction)
    assert f"({text.day(tl.days[d70])} logged above P2)" in week.speed_line, week.speed_line
    flared = E.RecordFlareUp(athlete="A07", date=tl.days[d70 + 1]).apply(moved)
    (week,) = Handouts(flared, plan).weeks("A07", [w])
    day = next(d for d in week.days if d.date == tl.days[d70 + 1])
    assert day.deviation == "Pain 6/10 logged, a flare-up recorded"


def test_athletes_back_before_today_are_listed_with_the_squad_again():
    """Display order: athletes in rehab from today on first; one back before today (its rehab
    history still in the plan) takes its place by position again, on the board and in exports."""
    from planner.squad import display_ids, is_injured

    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    rehab = [a.athlete for a in plan.athletes if any(s != FIT for s in a.stages)]
    back = {aid: next(d for d in range(tl.n) if plan.for_athlete(aid).stages[d] == FIT and
                      all(s == FIT for s in plan.for_athlete(aid).stages[d:])) for aid in rehab}
    assert rehab and display_ids(season, plan)[:len(rehab)] == [a for a in display_ids(season, plan) if a in rehab]
    latest = max(back.values())
    last = next(aid for aid in rehab if back[aid] == latest)
    on_return = season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": tl.days[latest]})})
    # back on today itself: still this week's news, in the injured group (the Returns panel
    # lists the return too), the others back before it with the squad
    assert is_injured(on_return, last, plan, latest)
    assert display_ids(on_return, plan)[0] == last
    later = season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": tl.days[latest + 1]})})
    assert not any(is_injured(later, aid, plan, latest + 1) for aid in rehab)
    by_position = display_ids(season.model_copy(update={"injuries": (), "plan": None}))
    assert display_ids(later, plan) == by_position


def test_the_week_of_an_a_competition_is_named_and_says_where_the_taper_is():
    """TP-1 makes the taper the weeks before an A competition's week; its own week read 'Load
    week: normal training' inside a block called 'Taper and peak'."""
    season = solved_demo()
    tl = Timeline(season)
    final = next(c for c in season.competitions if c.priority == "A")
    w = tl.week_of[tl.index(final.date)]
    fit = next(a.id for a in season.athletes if not season.injuries_of(a.id))
    (week,) = handout_weeks(season, season.plan, [fit], [w])
    assert week.kind == "load"
    assert week.kind_text.startswith(f"Week of {final.name} (")
    assert "the taper is the week(s) before (TP-1)" in week.kind_text
    (before,) = handout_weeks(season, season.plan, [fit], [w - 1])
    assert before.kind == "taper" and f"before {final.name}" in before.kind_text


def test_a_deload_week_half_in_rehab_says_the_rehab_days_keep_their_sessions():
    """A week an athlete starts in a rehab stage and finishes fit read 'team sessions of 45
    minutes (40 % less volume)' over rows of 60-75-minute rehab sessions: the week's kind
    shortens team sessions only. The week Isaac Boateng is back from his hamstring rehab (Tue
    8 Sep) is pinned his deload week here."""
    import datetime as dt

    from planner.edits import AddPin
    from planner.season import WeekPin
    from solver import SolveRequest, solve

    season = AddPin(pin=WeekPin(athlete="A19", week=dt.date(2026, 9, 7), week_kind="deload")).apply(
        solved_demo())
    plan = solve(SolveRequest(season, time_limit=60, deterministic=True)).plan
    season = season.model_copy(update={"plan": plan})
    tl = Timeline(season)
    mixed = fit_only = 0
    for w in handout_weeks(season, plan):
        if w.kind != "deload":
            continue
        days = tl.weeks[w.week - 1].days
        stages = {plan.for_athlete(w.athlete).stages[i] for i in days}
        says = "on your rehab days your stage's sessions stay as long" in w.kind_text
        if FIT in stages and stages - {FIT, "INJ"}:
            mixed += 1
            assert says and "team sessions of 45 minutes" in w.kind_text, w.kind_text
            rehab = [d for d in w.days if d.stage not in (FIT, "INJ") and d.session.minutes]
            assert all(d.session.minutes != 45 for d in rehab)  # as long as in any week
        else:
            fit_only += FIT in stages
            assert not says, w.kind_text
    assert mixed and fit_only



def test_a_past_day_planned_without_running_says_what_it_was_and_the_speed_as_logged():
    """"planned no running (a recovery session)" was said of a Sunday off and of a match the
    player was planned out of; "top speed 70 %" of a logged 72 % and of a match without any
    speed logged. Each now says what the day was, and the top speed as written in the log."""
    from planner import edits as E
    from planner.season import Session

    season = solved_demo()
    tl = Timeline(season)
    ap = season.plan.for_athlete("A05")
    week = next(w for w in tl.weeks[2:] if any(tl.is_comp[i] for i in w.days))
    recovery = next(i for i in week.days if ap.stages[i] == "FIT" and ap.intensity[i] == 0
                    and tl.is_training[i])
    sunday = next(i for i in week.days if tl.days[i].weekday() == 6)
    assert ap.intensity[sunday] == 0 and not tl.is_training[sunday] and not tl.is_comp[sunday]
    # a match day planned at 0: the demo's only one is a player away (Sam Okafor, 12 Sep)
    out, match = next((a.id, i) for a in season.athletes for i in range(tl.n)
                      if tl.is_comp[i] and season.plan.for_athlete(a.id).stages[i] == "FIT"
                      and season.plan.for_athlete(a.id).intensity[i] == 0)
    assert match in tl.unavailable(out)
    last = max(week.last, tl.weeks[tl.week_of[match]].last)
    moved = E.AdvanceToday(today=tl.days[last + 1]).apply(season)
    moved = E.LogSessions(sessions=(
        Session(athlete="A05", date=tl.days[recovery], minutes=60, rpe=5, top_speed_pct=72),
        Session(athlete="A05", date=tl.days[sunday], minutes=40, rpe=4, top_speed_pct=71),
        Session(athlete=out, date=tl.days[match], minutes=95, rpe=8, minutes_played=90),
    )).apply(moved)
    from solver import SolveRequest, solve

    plan = solve(SolveRequest(moved, time_limit=30)).plan  # the past as logged, in the plan
    days = {d.date: d for d in Handouts(moved, plan).weeks("A05", [week.index])[0].days}
    rec, sun = days[tl.days[recovery]], days[tl.days[sunday]]
    assert rec.deviation == "Logged 72 % (counts as 70 %), planned no running (a recovery session)"
    assert rec.logged_summary == "Logged: 60 min, RPE 5, top speed 72 %"  # as written
    assert sun.deviation == "Logged 71 % (counts as 70 %), planned a day off"
    (w,) = Handouts(moved, plan).weeks(out, [tl.week_of[match]])
    played = next(d for d in w.days if d.date == tl.days[match])
    assert played.deviation.startswith("Played 90 min (counts as 100 %), planned no running (away)")
    assert played.logged_summary == "Logged: 95 min, RPE 8, 90 min played"  # no speed logged



def test_a_speed_above_the_stage_cap_is_said_as_logged_though_it_counts_as_the_cap():
    """81 % logged in P3 (up to 80 %) counts as the 80 % level, so the handout read "Logged 80 %"
    and hid the breach that 'periodize log' reports."""
    from dataclasses import replace

    season = solved_demo()
    tl = Timeline(season)
    ap = season.plan.for_athlete("A07")
    i = next(k for k in range(tl.n) if ap.stages[k] == "P3" and ap.intensity[k] == 80)
    later = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": tl.days[i + 1]})})
    (week,) = Handouts(later, later.plan).weeks("A07", [tl.week_of[i]])
    day = next(d for d in week.days if d.date == tl.days[i])
    assert day.cap == 80 and day.deviation == ""  # as planned: nothing to say
    over = replace(day, logged_top=81.0, logged_load=300, logged_minutes=60)
    assert over.deviation == "Logged 81 % (counts as 80 %), above P3 (at most 80 %)"
    assert replace(day, logged_top=80.4).deviation == ""  # 80 as written (rounded)


def test_a_week_holding_today_says_which_days_are_logged_and_which_planned():
    """A week holding today was headed "before today: as logged" while most of it was still the
    plan: the title now names the last logged day and the first planned one."""
    import datetime as dt

    from tests.planner.test_load import _season

    season = _season()
    today = season.calendar.today + dt.timedelta(days=3)  # a Thursday
    season = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": today})})
    tl = Timeline(season)
    weeks = [w for w in handout_weeks(season, season.plan) if w.first <= today <= w.last]
    assert weeks and all(w.past == "partly past" for w in weeks)
    from planner.history import logged_days

    for w in weeks:
        log = logged_days(season, w.athlete)
        how = ("as logged" if any(d.date in log for d in w.days if d.date < today)
               else "nothing logged, as planned")
        assert w.title.endswith(f" · {how} to Wed 17 Feb, planned from Thu 18 Feb"), w.title
        assert w.speed_label == ("Done and planned" if how == "as logged"
                                 else "Planned (nothing logged)")
    assert tl.days[tl.p0] == today


def test_a_week_whose_return_is_past_says_the_player_is_back_not_what_it_takes():
    """Back on a Wednesday, the page printed on the Friday read "1 session at 100 % to leave
    S3 … Wed 2 Sep at the earliest": a return before today is no longer listed among the
    Returns, and the week's first day (S3) made it a rehab week to finish."""
    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    found = None
    for ap in plan.athletes:
        r = next((i for i in range(1, tl.n) if ap.stages[i] == FIT and ap.stages[i - 1] != FIT), None)
        if r is not None and tl.week_of[r] == tl.week_of[r + 1] and tl.weeks[tl.week_of[r]].first < r:
            found = ap.athlete, r
            break
    assert found is not None
    aid, r = found
    moved = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": tl.days[r + 1]})})
    (week,) = Handouts(moved, plan).weeks(aid, [tl.week_of[r]])
    assert week.milestone == f"Back to full training from {text.day(tl.days[r])}"
    # before the return, the same week says what it takes and when it is planned
    earlier = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": tl.days[tl.weeks[tl.week_of[r]].first]})})
    (week,) = Handouts(earlier, plan).weeks(aid, [tl.week_of[r]])
    assert f"back to full training {text.day(tl.days[r])}" in week.milestone


def test_a_rehab_weeks_pain_rule_is_said_once_not_in_every_row():
    """Every rehab row repeated the protocol's whole pain rule ("Pain during activity below 5/10
    and back to baseline by the next morning …"), which shrank the page's type; the week says
    it once, the rows keep the rest of the session."""
    from planner.sessions import PAIN_RULE_DEFAULT, Prescriber

    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    rule = load_protocol(season.injury_of("A07").protocol).pain_rule
    full = Prescriber(season, plan).athlete("A07")
    weeks = Handouts(season, plan).weeks("A07", None)
    rehab = [w for w in weeks if any(rule in full[tl.index(d.date)].content for d in w.days)]
    assert rehab
    for w in rehab:
        assert w.pain_rule == rule
        for d in w.days:
            assert rule not in d.session.content
            whole = full[tl.index(d.date)].content
            if rule in whole:  # the rest of the session is kept (how to run: the week's row)
                assert d.session.content == _run_said(" ".join(whole.replace(rule, " ").split()))
    assert all(not w.pain_rule for w in weeks if w not in rehab)
    # anonymised, the default words, also once
    anon = Handouts(season, plan, anonymise=True).weeks("A07", [tl.week_of[tl.index(rehab[0].first)]])
    assert anon[0].pain_rule == PAIN_RULE_DEFAULT
    assert all(PAIN_RULE_DEFAULT not in d.session.content for d in anon[0].days)


def test_how_a_rehab_day_runs_is_said_once_in_the_week_not_in_every_row():
    """Every rehab row repeated "The exercises of your stage (…), then running: … in a straight
    line, reaching that speed and no faster (a slower run counts as the step below)": with the
    provisional note, Marco's and Isaac's busiest pages were shrunk to 7 pt to fit. The week's
    Running row says it once; each row keeps its runs, their speed and the rest."""
    from planner.sessions import Prescriber

    season = solved_demo()
    tl = Timeline(season)
    full = Prescriber(season, season.plan).athlete("A19")
    weeks = Handouts(season, season.plan).weeks("A19", None)
    running = [w for w in weeks if any("in a straight line, reaching that speed" in
                                       full[tl.index(d.date)].content for d in w.days)]
    assert running
    for w in running:
        assert w.run_rule == RUN_RULE
        for d in w.days:
            assert "in a straight line" not in d.session.content, d.session.content
            assert not d.session.content.startswith("The exercises of your stage (")
            whole = full[tl.index(d.date)].content
            if d.session.context == "rehab" and d.intensity >= 60 and "× " in whole:
                drill = whole.split(": ", 1)[1].split(",")[0]  # "6 × 80 m at 70 % (6.8 m/s)"
                assert drill in d.session.content, (drill, d.session.content)
    assert all(not w.run_rule for w in weeks if w not in running)


def test_a_provisional_week_names_the_tests_of_the_move_it_waits_on_not_every_earlier_one():
    """Kofi Mensah (A07) leaves P1 on the season's first day with its tests not passed; his week
    back in full training (week 10) said "the stage depends on Isometric hip-flexion strength
    LSI, Resisted hip flexion pain, Hip-flexor strength LSI, Pain during max sprint": P1's tests,
    weeks after P1, beside those of the move back. It names the move's own, as the Inspector."""
    from planner.daymarks import day_rows

    season = solved_demo()
    tl = Timeline(season)
    st = season.plan.for_athlete("A07").stages
    back = next(i for i in range(1, tl.n) if st[i] == FIT and st[i - 1] != FIT)
    p1 = [c.name for c in load_protocol("iliopsoas-tendinopathy").stage("P1").criteria]
    assert p1
    h = Handouts(season, season.plan)
    (week,) = h.weeks("A07", [tl.week_of[back]])
    # the Inspector names every move the day stands on, in order (Review 262): the last is the
    # move back itself
    inspector = dict(day_rows(season, "A07", back))["Provisional"]
    assert inspector.split("; then ")[-1].startswith("the move S3 → FIT"), inspector
    waits = inspector.rsplit(" waits on ", 1)[1].split(" (RH-CRIT)")[0]
    assert f" waits on {waits}, not passed yet" in week.milestone
    assert not any(name in week.milestone for name in p1), week.milestone
    # the first week, left P1 that Monday, waits on P1's tests, each with its mark
    (first,) = h.weeks("A07", [0])
    marks = [c.mark for c in load_protocol("iliopsoas-tendinopathy").stage("P1").criteria]
    assert (f"Provisional: the move P1 → P2 ({text.day(tl.days[0])}) waits on {', '.join(marks)}, "
            f"not passed yet") in first.milestone


def test_a_provisional_week_and_day_name_the_move_its_date_and_the_tests_mark():
    """Isaac Boateng (A19) in S3: the Next line printed S3's exit test (Hamstring strength LSI ≥
    90 %) and then "Provisional: the stage depends on Hamstring strength LSI", while the
    Inspector said the move P2 → P3 a month before waits on it (its ≥ 75 %); every rehab day said
    "only once the criteria test the stage waits on is passed", naming none. Both name the move,
    its day and the test with its mark, as the Inspector does."""
    from planner.daymarks import day_rows
    from planner.handout import day_texts, keep_units

    season = solved_demo()
    tl = Timeline(season)
    ap = season.plan.for_athlete("A19")
    st = ap.stages
    s3 = next(i for i in range(tl.n) if st[i] == "S3" and ap.intensity[i] >= 60)
    p2 = next(i for i in range(1, tl.n) if st[i] == "P3" and st[i - 1] == "P2")
    mark = load_protocol(season.injury_of("A19").protocol).stage("P2").criteria[0].mark
    assert mark.endswith("≥ 75 %")
    inspector = dict(day_rows(season, "A19", s3))["Provisional"]
    assert inspector.startswith(f"the move P2 → P3 on {text.day_long(tl.days[p2])} waits on {mark};")
    h = Handouts(season, season.plan)
    (week,) = h.weeks("A19", [tl.week_of[s3]])
    assert (f"Provisional: the move P2 → P3 ({text.day(tl.days[p2])}) waits on {mark}, not passed "
            f"yet") in week.milestone
    assert "the stage depends on" not in week.milestone
    day = next(d for d in week.days if d.provisional and d.stage != FIT and d.intensity >= 60)
    assert day_texts(day).what.startswith(keep_units(
        f"Provisional: only once {mark} is passed (the move P2 → P3, {text.day(tl.days[p2])}; ask "
        f"the physio). "))
    # said in full once, on the week's first row that waits on the move: every row repeating
    # it shrank a rehab page's type to 7 pt; the later rows point to it
    waiting = [d for d in week.days if d.provisional and d.stage != FIT and d.intensity >= 60]
    assert len(waiting) > 1 and waiting[0] is day
    for later in waiting[1:]:
        assert day_texts(later).what.startswith(f"Provisional (see {day.day}). "), day_texts(later).what
        assert "only once" not in day_texts(later).what
    # anonymised: the move, not the test (its name names the injury)
    (anon,) = Handouts(season, season.plan, anonymise=True).weeks("A19", [tl.week_of[s3]])
    assert (f"Provisional: the move P2 → P3 ({text.day(tl.days[p2])}) waits on a criteria test, "
            f"not passed yet") in anon.milestone
    assert "Hamstring" not in anon.milestone
    anon_day = next(d for d in anon.days if d.provisional and d.stage != FIT and d.intensity >= 60)
    assert day_texts(anon_day).what.startswith("Provisional: only once a criteria test is passed "
                                               "(the move P2 → P3")


def test_a_provisional_week_names_the_tests_it_waits_on():
    """The Next row said "Provisional: the stage depends on a criteria test not passed yet"
    while the Returns named it."""
    season = solved_demo()
    ret = next(r for r in returns(season, season.plan) if r.athlete == "A19")
    assert ret.provisional and ret.pending
    weeks = Handouts(season, season.plan).weeks("A19", None)
    said = [w.milestone for w in weeks if "Provisional" in w.milestone]
    assert said and all("Provisional: the move " in m for m in said)
    # the Returns name each test with its stage ("P3's Hip-flexor strength LSI"), the week the move
    moves = [st for st, _names in ret.pending]
    assert all(any(f"the move {st} → " in m for m in said) for st in moves), (moves, said)
    assert not any("a criteria test not passed yet" in m for m in said)
    # each provisional day says so where the player reads it (an 80 % sprint waiting on a test
    # printed as a plain day; only the week's Next line said it)
    from planner.handout import day_texts

    days = [d for w in weeks for d in w.days if d.provisional and d.stage != "FIT"
            and d.intensity >= 60]
    # in full on the week's first such row, the later ones pointing to it (once a week: on
    # every row it shrank the page's type)
    assert days and all(day_texts(d).what.startswith(
        "Provisional: only once " if d.provisional_said is None
        else f"Provisional (see {text.day(d.provisional_said)}). ") for d in days)
    assert all(sum(1 for d in w.days if d in days and d.provisional_said is None) <= 1 for w in weeks)
    assert not any("the criteria test the stage waits on" in day_texts(d).what for d in days)
    assert not any(day_texts(d).what.startswith("Provisional") for w in weeks for d in w.days
                   if not d.provisional or d.intensity < 60)  # a rest day says nothing of it


def test_a_stage_begun_this_week_before_today_says_what_it_takes_to_leave_it():
    """P3 -> S1 on a Wednesday, the page printed on the Thursday: its Next row read only "S1
    from Wed 12 Aug", nothing of S1's minimum days or the S2 planned after it."""
    season = solved_demo()
    tl = Timeline(season)
    ap = season.plan.for_athlete("A12")
    j = next(i for i in range(1, tl.n) if ap.stages[i] == "S1" and ap.stages[i - 1] == "P3")
    assert tl.weeks[tl.week_of[j]].first < j < tl.weeks[tl.week_of[j]].last
    moved = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": tl.days[j + 1]})})
    (week,) = Handouts(moved, season.plan).weeks("A12", [tl.week_of[j]])
    after = next(i for i in range(j, tl.n) if ap.stages[i] != "S1")
    assert week.milestone.startswith(f"S1 from {text.day(tl.days[j])}; ")
    assert "S1 lasts at least" in week.milestone
    assert ": the next stage from " in week.milestone  # not "S1 lasts …: Wed 2 Dec", read as its end
    assert f"planned: {ap.stages[after]} from {text.day(tl.days[after])}" in week.milestone


def test_a_week_begun_by_a_flare_up_keeps_its_stage_limits():
    """A flare-up on the week's Monday (no kicks, no change of direction that day) set the
    week's "Limits: kicking: none; change of direction: none" above days of the stage's own
    kicks; the week's line is the stage's own (its stepped-down days said beside it), the
    flare-up's day says its own. A week nobody logged is titled as planned, not "as logged"."""
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=4, athletes=2, injuries=(injury("A1", "S1", start_day=-3, flare_days=(7,)),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    (week,) = handout_weeks(s, s.plan, ["A1"], [1])  # the second week: days 7-13
    flare = week.days[0]
    assert flare.session.context == "flare-up" and flare.session.kicking == "none"
    later = next(d for d in week.days[1:] if d.stage == flare.stage
                 and d.session.context not in ("flare-up", "calm", "rest"))
    own = load_protocol("iliopsoas-tendinopathy").stage(flare.stage)
    mine = f"kicking: {own.kicking}; change of direction: {own.cod}"
    assert "kicking: none" not in later.session.limits
    if later.session.limits != mine:  # stepped down: the week's words say so
        assert "kicking and change of direction are" in week.stage, week.stage
        # every training day of the week stepped down: the limits that hold on them, the
        # stage's own only as what follows
        assert week.limits.startswith(later.session.limits + " ("), week.limits
    else:
        assert week.limits == mine
    moved = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})})
    (past,) = handout_weeks(moved, moved.plan, ["A1"], [1])
    assert past.title.endswith("past: nothing logged, as planned")
    assert past.speed_label == "Planned (nothing logged)"  # not "Done": nothing says it was
    # a flare-up recorded afterwards makes its days count as not done: not "as planned" above them
    from planner import edits as E

    ap = moved.plan.for_athlete("A1")
    d = next(i for i in range(9, 13) if ap.intensity[i] > 0)
    flared = E.RecordFlareUp(athlete="A1", date=day(d), later="drop").apply(moved)
    flared = flared.model_copy(update={"plan": solve(SolveRequest(flared, time_limit=30)).plan})
    (past,) = handout_weeks(flared, flared.plan, ["A1"], [1])
    assert any(x.planned_level is not None for x in past.days)
    assert past.title.endswith("past: nothing logged; as planned except where a day says 'Counts as'")


def test_a_calm_day_above_60_is_said_and_the_injury_match_is_no_breach_and_was_played():
    """Weeks lived as a staff lives them: the day after a recorded flare-up, logged at 70 %, read as a
    plain P2 day (the inspector says "Calm day: at most 60 %"), its load "planned 240 AU" where
    the week's planned load counted the 300 AU planned for it; and a player hurt in a match he
    played 30 minutes read "above P1's 0 %" (no breach, 'periodize explain' says) under a Matches
    line "in rehab, not playing", and his week's Next line named only the next match."""
    from planner import edits as E
    from planner.season import Session
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=3, athletes=3, injuries=(injury("A1", "P3", start_day=-10),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    ap = s.plan.for_athlete("A1")
    assert ap.stages[8] == ap.stages[9] == "P3" and s.plan.for_athlete("A2").intensity[5] == 100
    lived = E.AdvanceToday(today=day(14), accepted=()).apply(s)
    lived = E.LogSessions(sessions=(
        Session(athlete="A1", date=day(8), minutes=30, rpe=5, top_speed_pct=70, pain=6),
        Session(athlete="A1", date=day(9), minutes=60, rpe=4, top_speed_pct=70),
        Session(athlete="A2", date=day(5), minutes=30, rpe=8, top_speed_pct=100,
                minutes_played=30, pain=7))).apply(lived)
    lived = E.RecordFlareUp(athlete="A1", date=day(8)).apply(lived)
    lived = lived.model_copy(update={"injuries": lived.injuries + (
        injury("A2", "P1", start_day=5, onset_day=5),)})
    plan = solve(SolveRequest(lived, time_limit=30)).plan
    h = Handouts(lived, plan)
    (week,) = h.weeks("A1", [1])
    days = {d.date: d for d in week.days}
    assert days[day(8)].deviation == "Pain 6/10 logged, a flare-up recorded"  # no breach
    calm = days[day(9)]
    assert calm.deviation == "Logged 70 %, above the calm day's 60 % after the flare-up (RH-FL)"
    # the day's planned load is the one the week's planned figure counts: P3's 60 × 5 planned
    # before the flare-up, not P2's 60 × 4 (logged 60 × 4: within the noted difference)
    assert calm.session.load == 60 * 4 and calm.planned_au == 60 * 5
    assert "AU, planned" not in calm.said
    # the inspector and 'periodize explain' say it too ("so 70 %" beside "at most 60 %" read as
    # no breach), and not of the flare-up's own day, the session that flared up
    from planner.why import why_day

    said = why_day(lived, plan, "A1", day(9)).text()
    assert f"so 70 %. That is above the 60 % a calm day after the flare-up on {text.day(day(8))} " \
           f"allows (RH-FL)." in said, said
    assert "a calm day after the flare-up" not in why_day(lived, plan, "A1", day(8)).text()
    (hurt,) = h.weeks("A2", [0])
    onset = next(d for d in hurt.days if d.date == day(5))
    assert onset.stage == "P1" and "above" not in onset.deviation
    assert onset.deviation.endswith("pain 7/10 logged")
    assert hurt.matches == (f"{text.day(day(5))}: Match 1 (C), played 30 min (logged), "
                            f"injured that day",)
    # the calendar's match event says the same
    from planner.ical import athlete_calendar

    cal = athlete_calendar(lived, plan, "A2").to_ical().decode()
    assert "SUMMARY:Match 1: played 30 min (logged)\\, injured that day" in cal, cal
    # what comes next is the new stage's, not only the next match "in rehab, not playing"
    assert hurt.milestone.startswith(f"P1 lasts at least 7 days from {text.day(day(5))}: the next "
                                     f"stage from {text.day(day(12))}")


def test_a_target_played_before_a_later_flare_up_is_not_on_track_or_back_before_it():
    """A1 plays the target (m1), is back, then flares up: the return shown is the one after the
    setback, weeks after the target. The handout read "target m1 (…): on track", the Returns
    sheet "yes" beside a return after the target's date, the Cover "back before their target"."""
    import re

    from planner.xlsx_export import build_workbook
    from tests.builders import target_played_then_flared

    s, target, t = target_played_then_flared()
    (r,) = [r for r in returns(s, s.plan, history=True) if r.athlete == "A1"]
    assert r.target_met and r.fit > target.date  # the case: met, and back after it
    tl = Timeline(s)
    (week,) = Handouts(s, s.plan).weeks("A1", [tl.week_of[t + 3]])
    assert "on track" not in week.milestone
    assert f"target {target.name} ({text.day(target.date)}): played before the setback" in week.milestone
    book = build_workbook(s, s.plan)
    said = {ws.title: " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
            for ws in book.worksheets}
    assert "yes, before the setback" in said["Returns"]
    assert "target met before the setback" in said["Overview"]
    assert "back before their target" not in said["Cover"]
    assert "1 played it before a setback" in said["Cover"]
    sheet = next(v for k, v in said.items() if re.match(r"A1\b", k))
    assert "met (played before the setback this return follows)" in sheet


def test_a_match_played_in_rehab_is_not_said_not_played():
    """A player logged 90 min in a match while in rehab (played the day after a flare-up, the
    staff's choice): the week's Matches line read "in rehab, not playing" above the row "Logged:
    95 min, RPE 8, 90 min played"."""
    from planner import edits as E
    from planner.season import Session
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=3, athletes=2, injuries=(injury("A1", "P3", start_day=-10),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    assert s.plan.for_athlete("A1").stages[5] == "P3" and s.plan.for_athlete("A2").intensity[5] == 100
    lived = E.AdvanceToday(today=day(14), accepted=()).apply(s)
    lived = E.LogSessions(sessions=(
        Session(athlete="A1", date=day(5), minutes=95, rpe=8, top_speed_pct=100,
                minutes_played=90),)).apply(lived)
    plan = solve(SolveRequest(lived, time_limit=30)).plan
    (week,) = Handouts(lived, plan).weeks("A1", [0])
    assert plan.for_athlete("A1").stages[5] == "P3"
    assert week.matches == (f"{text.day(day(5))}: Match 1 (C), played 90 min (logged) in rehab (P3)",)
    # a match not logged as played still says so
    (other,) = Handouts(s, s.plan).weeks("A1", [0])
    assert other.matches == (f"{text.day(day(5))}: Match 1 (C), in rehab, not playing",)


def test_a_return_with_no_match_after_it_says_so_not_before_the_first_match(monkeypatch):
    """Back the day before the season's last match, too few team sessions done to play it: the
    page read "back to full training Fri 7 May, then 3 team sessions before the first match" and
    stopped, as if a first match were to come."""
    from dataclasses import replace

    import planner.handout as H

    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    why = "'Cup final' on Sat 8 May: 1 of the 3 team sessions RE-1 asks before a first match done by then"
    real = H.returns

    def no_match(*args, **kw):
        return [replace(r, first_match=None, no_match_why=why) if r.athlete == "A19" else r
                for r in real(*args, **kw)]

    monkeypatch.setattr(H, "returns", no_match)
    ret = next(r for r in no_match(season, plan) if r.athlete == "A19")
    (week,) = Handouts(season, plan).weeks("A19", [tl.week_of[tl.index(ret.fit)]])
    assert "3 team sessions before the first match; " \
           f"no match played after it ({why})" in week.milestone


def test_a_flare_up_recorded_without_a_pain_logged_is_said_on_its_day():
    """A flare-up recorded by the physio (no pain in the log): the page showed the stage going
    back from that day (FIT to S3, S3 to S2) with nothing on the day to say why."""
    from planner import edits as E
    from planner.season import Session
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=3, athletes=2, injuries=(injury("A1", "P3", start_day=-10),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    lived = E.AdvanceToday(today=day(14), accepted=()).apply(s)
    lived = E.LogSessions(sessions=(
        Session(athlete="A1", date=day(8), minutes=30, rpe=5, top_speed_pct=70),)).apply(lived)
    lived = E.RecordFlareUp(athlete="A1", date=day(8)).apply(lived)
    plan = solve(SolveRequest(lived, time_limit=30)).plan
    (week,) = Handouts(lived, plan).weeks("A1", [1])
    days = {d.date: d for d in week.days}
    assert days[day(8)].deviation == "A flare-up recorded"
    assert "A flare-up recorded.\n" in days[day(8)].said
    assert "flare-up recorded" not in days[day(9)].deviation
    # the flare-up's own day without a log: its session says it already, said once
    unlogged = E.AdvanceToday(today=day(14), accepted=()).apply(s)
    unlogged = E.RecordFlareUp(athlete="A1", date=day(8)).apply(unlogged)
    plan = solve(SolveRequest(unlogged, time_limit=30)).plan
    (week,) = Handouts(unlogged, plan).weeks("A1", [1])
    flare = next(d for d in week.days if d.date == day(8))
    assert "flare-up" in flare.session.content.lower() and "flare-up" not in flare.deviation


def test_a_returner_eased_in_from_the_bench_is_told_his_first_match_is_off_the_bench():
    """The demo's regulars back from rehab come off the bench until their target match: the
    pages read "3 team sessions before the first match (Sat 5 Sep)" and "first match planned
    Sat 10 Oct", which a player reads as his first start."""
    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    rets = {r.athlete: r for r in returns(season, plan)}
    for aid in ("A12", "A07"):
        ret = rets[aid]
        assert ret.first_role == "bench"
        first = text.day(ret.first_match)
        fit_week = tl.week_of[tl.index(ret.fit)]
        pages = Handouts(season, plan).weeks(aid, [fit_week - 1, fit_week])
        said = " ".join(p.milestone for p in pages)
        assert (f"before the first match ({first}, off the bench)" in said
                or f"first match planned {first} off the bench" in said), said


def test_a_past_match_says_what_happened_not_a_role_to_come():
    """Weeks before today: a regular started and was subbed after 20 minutes (a bench day to the
    rules, 1-44 minutes played) read "League match 6 (C), on the bench", and a match unlogged
    read "you start" as if it were still to come."""
    import datetime as dt

    from planner.season import Session

    season = solved_demo()
    cal = season.calendar.model_copy(update={"today": dt.date(2026, 9, 1)})
    subbed = Session(athlete="A06", date=dt.date(2026, 8, 22), minutes=30, rpe=7,
                     minutes_played=20)
    season = season.model_copy(update={"calendar": cal, "sessions": (subbed,)})
    tl = Timeline(season)
    (week,) = Handouts(season, season.plan).weeks("A06", [tl.week_of[tl.index(dt.date(2026, 8, 22))]])
    said = " ".join(week.matches)
    assert "League match 2 (C), played 20 min (logged)" in said, said
    assert "on the bench" not in said and "you start" not in said
    (week,) = Handouts(season, season.plan).weeks("A06", [tl.week_of[tl.index(dt.date(2026, 8, 15))]])
    assert "League match 1 (C), started" in " ".join(week.matches)
    # from today on, the role to come
    (week,) = Handouts(season, season.plan).weeks("A06", [tl.week_of[tl.index(dt.date(2026, 9, 5))]])
    assert "League match 4 (C), you start" in " ".join(week.matches)


def test_a_past_match_says_the_minutes_logged_whatever_the_plan_had():
    """A log read after the solve: a starter who sat the match out (0 min logged) read
    "started", and a squad player out of the squad who came on for 30 minutes read "not in the
    squad", each the plan's role and not what happened."""
    import datetime as dt

    from planner.season import Session

    season = solved_demo()
    cal = season.calendar.model_copy(update={"today": dt.date(2026, 9, 1)})
    match = dt.date(2026, 8, 22)
    log = (Session(athlete="A06", date=match, minutes=20, rpe=3, minutes_played=0),
           Session(athlete="A09", date=match, minutes=40, rpe=7, minutes_played=30))
    season = season.model_copy(update={"calendar": cal, "sessions": log})
    tl = Timeline(season)
    w = tl.week_of[tl.index(match)]
    assert season.plan.for_athlete("A06").intensity[tl.index(match)] == 100  # planned to start
    (week,) = Handouts(season, season.plan).weeks("A06", [w])
    said = " ".join(week.matches)
    assert "League match 2 (C), did not play (0 min logged)" in said and "started" not in said
    (week,) = Handouts(season, season.plan).weeks("A09", [w])
    said = " ".join(week.matches)
    assert "League match 2 (C), played 30 min (logged)" in said and "not in the squad" not in said


def test_a_returner_who_already_played_is_told_the_sessions_come_before_his_next_match():
    """Logged starting a match before RE-1's team sessions were done, the returner's next page
    still read "3 team sessions before your first match" and "session 1 of 3 before your first
    match": the first match was behind him."""
    from planner import edits as E
    from solver import SolveRequest, solve
    from tests.builders import returner_back_on_day_2

    s, early = returner_back_on_day_2(today=7)
    s = E.LogSessions(sessions=early).apply(s)
    plan = solve(SolveRequest(s, time_limit=30)).plan
    week = Handouts(s, plan).weeks("A1", [1])[0]
    assert "team sessions before your next match (0 done)" in week.milestone
    assert "first match" not in week.milestone
    notes = [d.session.note for d in week.days if d.session.note]
    assert any("session 1 of 3 before your next match" in n for n in notes)
    assert not any("before your first match" in n for n in notes)


def test_a_past_day_says_its_logged_note():
    """A session typed with the note "trained alone" showed in the Inspector, not on the page."""
    import datetime as dt

    from planner.season import Session
    from tests.planner.test_load import _season

    season = _season()
    day = season.calendar.today - dt.timedelta(days=2)
    season = season.model_copy(update={"sessions": season.sessions + (
        Session(athlete="A1", date=day, minutes=45, rpe=5, note="trained  alone"),)})
    days = [d for w in handout_weeks(season, season.plan, ["A1"]) for d in w.days if d.date == day]
    assert days and days[0].note == "trained alone"
    assert days[0].logged_summary.endswith(" (trained alone)")
    anon = [d for w in handout_weeks(season, season.plan, ["A1"], anonymise=True) for d in w.days
            if d.date == day]
    assert anon[0].note == ""  # a note may name anyone


def test_a_failed_test_is_said_failed_with_its_retest_as_the_earliest_next_stage():
    """The handout of an athlete a failed result held read "P2 lasts at least …: the next stage
    from <the minimum's day> at the earliest" and "pass: …", as if no test had been taken."""
    from planner.season import CriteriaTest
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    rec = injury("A1", "P2", start_day=-20).model_copy(update={"tests": (CriteriaTest(
        date=day(-2), name="Hip-flexor strength LSI", value=60, unit="%"),)})
    s = season(weeks=6, athletes=2, injuries=(rec,), today=day(2))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    retest = day(-2) + __import__("datetime").timedelta(
        days=int(RuleSet(s.rules).value("RH-CRIT", "retest_days")))
    (week,) = Handouts(s, s.plan).weeks("A1", [0])
    # the result with its pass mark, as the app and the CLI say it
    assert (f"failed: Hip-flexor strength LSI 60 % on {text.day(day(-2))} (pass mark ≥ 80 %): "
            f"retest, and the next stage, from {text.day(retest)} at the earliest"
            ) in week.milestone, week.milestone
    (anon,) = Handouts(s, s.plan, anonymise=True).weeks("A1", [0])
    assert "Hip-flexor" not in anon.milestone
    # anonymised, the test unnamed: the retest's day alone is the earliest next stage (the
    # minimum's days have gone by: without the hold the page said nothing of when)
    assert f"the next stage from {text.day(retest)} at the earliest" in anon.milestone, anon.milestone


def test_a_week_back_before_a_flare_up_says_the_flare_up_between_the_two_returns():
    """A returned player's flare-up: his week read "Back to full training from Wed 2 Sep; back to
    full training Fri 25 Sep", two dates with nothing between them. It says the flare-up."""
    from tests.builders import day, injury, season, solved_and_checked

    s = season(weeks=5, athletes=2, injuries=(
        injury("A1", "FIT", start_day=2, history=(("S3", -10),), flare_days=(10,)),), today=day(14))
    s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    [ret] = [r for r in returns(s, s.plan) if r.athlete == "A1"]
    assert ret.fit is not None and ret.fit > day(10)
    weeks = Handouts(s, s.plan).weeks("A1", None)
    first = weeks[0].milestone
    assert (f"back to full training from {text.day(day(2))}; flare-up {text.day(day(10))} (back "
            f"to S3), back to full training again {text.day(ret.fit)}").lower() in first.lower(), first
    assert first.lower().count("back to full training") == 2, first


def _two_match_deload():
    """Three weeks (load, deload, load), a match each Saturday and one more on the deload week's
    Wednesday: A1 starts all four, A2 is not in the squad (trains while the team plays)."""
    from planner.season import AthletePlan, Plan
    from tests.builders import season

    s = season(weeks=3, athletes=2, matches=[5, 9, 12, 19])
    tl = Timeline(s)
    kinds = ("load", "deload", "load")

    def plan_of(aid: str, match: int) -> AthletePlan:
        return AthletePlan(athlete=aid, stages=("FIT",) * tl.n, weeks=kinds, intensity=tuple(
            match if tl.is_comp[i] else 70 if tl.is_training[i] else 0 for i in range(tl.n)))

    return s.model_copy(update={"plan": Plan(status="manual", team_weeks=kinds, athletes=(
        plan_of("A1", 100), plan_of("A2", 0)))})


def test_a_starters_two_match_deload_says_his_own_week_and_a_non_squad_players_does_not():
    """A starter's "deload week" holding two full matches was 1 % below the load weeks around it,
    yet the handout and the Excel week said only "team sessions of 45 minutes (40 % less volume
    than a load week)". His week's heading now says his own figure, the one the why gives; a
    player not in the squad, whose week really is 40 % lighter, reads the team's words."""
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.why import why_week

    s = _two_match_deload()
    starter, out = (handout_weeks(s, s.plan, [a], [1])[0] for a in ("A1", "A2"))
    series = athlete_load(s, s.plan, "A1")
    wl = series.week_of(starter.first)
    before, after = series.weeks[series.weeks.index(wl) - 1], series.weeks[series.weeks.index(wl) + 1]
    change = round(100 * (wl.planned / ((before.planned + after.planned) / 2) - 1))
    assert -20 < change <= 0  # two 95-minute matches are most of the week
    assert lighter_than_around(series, wl).change == change
    assert starter.kind_text.startswith(
        f"Deload week for the team: your week is {wl.planned:,.0f} AU, {abs(change)} % below the "
        f"load weeks around it — the 2 matches are most of it; at most 1 speed day"), starter.kind_text
    assert "40 % less volume" not in starter.kind_text
    # the why says the same figure
    assert any(f"{wl.planned:.0f} AU, is {abs(change)} % below the load weeks around it" in r.text
               for r in why_week(s, s.plan, "A1", starter.first).reasons)
    assert out.kind_text.startswith("Deload week: at most 1 speed day") and \
        "team sessions of 45 minutes (40 % less volume than a load week)" in out.kind_text
    assert "your week is" not in out.kind_text


def test_a_deload_week_its_matches_keep_as_heavy_says_so_not_lighter():
    """A starter's deload week of three matches planned above the load weeks around it read
    "Deload: a lighter week, less volume" in the footer and "the 3 matches are most of it" in
    the heading: a lighter week promised that was not. The heading and the why now say the
    matches keep it as heavy as a load week, the footer that the training sessions are shorter."""
    from planner.handout import page_terms
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Competition
    from planner.why import why_week
    from tests.builders import day

    s = _two_match_deload()
    s = s.model_copy(update={"competitions": tuple(sorted(
        (*s.competitions, Competition(id="x", name="Cup", date=day(7), priority="C")),
        key=lambda c: c.date))})
    tl = Timeline(s)
    s = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"intensity": tuple(
            100 if ap.athlete == "A1" and tl.is_comp[i] else 0 if tl.is_comp[i] else
            70 if tl.is_training[i] else 0 for i in range(tl.n))}) for ap in s.plan.athletes)})})
    starter = handout_weeks(s, s.plan, ["A1"], [1])[0]
    series = athlete_load(s, s.plan, "A1")
    lt = lighter_than_around(series, series.week_of(starter.first))
    assert lt.change >= 0, lt  # three 95-minute matches: no lighter than the load weeks
    assert f"{lt.size_words(lt.change)} the load weeks around it — this week's matches keep it " \
           "as heavy as a load week; at most 1 speed day" in starter.kind_text, starter.kind_text
    assert "most of it" not in starter.kind_text
    said = [r.text for r in why_week(s, s.plan, "A1", starter.first).reasons]
    assert any("this week's matches keep it as heavy as a load week; only the team sessions "
               "are shorter" in t for t in said), said
    terms = page_terms(starter)
    assert "Deload: shorter training sessions, to recover; matches as planned" in terms
    assert "lighter" not in terms and "less volume" not in terms
    # the player not in the squad, whose week is lighter, reads no such words
    out = handout_weeks(s, s.plan, ["A2"], [1])[0]
    assert "as heavy" not in out.kind_text


def test_a_deload_heading_compares_with_the_load_weeks_as_logged():
    """A player benched the week before a team deload logged 1,470 AU where 2,020 was planned;
    the heading's "your week is 2,000 AU, 1 % below the load weeks around it" stood over the
    Load row's "+36 % on the week before". The weeks around are read as the Load row reads
    them: logged where logged, else planned."""
    from planner import edits as E
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Session
    from planner.why import why_week

    s = _two_match_deload()
    tl = Timeline(s)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[7]})})
    s = E.LogSessions(sessions=tuple(Session(athlete="A1", date=tl.days[d], minutes=30, rpe=4)
                                     for d in range(7))).apply(s)
    series = athlete_load(s, s.plan, "A1")
    wl = series.week_of(tl.days[7])
    before, after = series.weeks[series.weeks.index(wl) - 1], series.weeks[series.weeks.index(wl) + 1]
    assert before.logged == 7 * 30 * 4 and before.planned > 2 * before.logged
    change = round(100 * (wl.load / ((before.load + after.load) / 2) - 1))
    planned_change = round(100 * (wl.planned / ((before.planned + after.planned) / 2) - 1))
    assert lighter_than_around(series, wl).change == change != planned_change
    (week,) = handout_weeks(s, s.plan, ["A1"], [1])
    size = f"{abs(change)} % {'below' if change < 0 else 'above'}"
    assert f"your week is {wl.load:,.0f} AU, {size} the load weeks around it" in week.kind_text, \
        week.kind_text
    assert any(f"This week's load, {wl.load:.0f} AU, is {size} the load weeks around it" in r.text
               for r in why_week(s, s.plan, "A1", tl.days[7]).reasons)


def test_a_deload_25_percent_lighter_reads_barely_lighter_in_the_heading_and_the_why():
    """A starter's logged deload week 25 % below the load weeks around it (its team sessions 40 %
    shorter): the heading said "your week is …, 25 % below" but the why, which asked for 20 %
    or less, said nothing of the matches keeping their length. And the heading's "the 2 matches
    are most of it" weighed the matches' planned AU against the week's logged load: two matches
    logged at 60 AU each in a week of 1,500 are not most of it. One question (Lighter.barely),
    and the match days as the week's load counts them."""
    from planner import edits as E
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Session
    from planner.why import why_week

    s = _two_match_deload()
    tl = Timeline(s)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[14]})})
    after = athlete_load(s, s.plan, "A1").week_of(tl.days[14]).load  # planned: after today
    matches = [d for d in range(7, 14) if tl.is_comp[d]]
    others = [d for d in range(7, 14) if d not in matches]
    assert len(matches) == 2
    week = 0.75 * after  # the week before logs as much as the one after: 25 % below both
    rpe = 5
    logs = [Session(athlete="A1", date=tl.days[d], minutes=after / 7 / rpe, rpe=rpe)
            for d in range(7)]
    logs += [Session(athlete="A1", date=tl.days[d], minutes=12, rpe=rpe) for d in matches]
    logs += [Session(athlete="A1", date=tl.days[d], rpe=rpe,
                     minutes=(week - 2 * 12 * rpe) / len(others) / rpe) for d in others]
    s = E.LogSessions(sessions=tuple(logs)).apply(s)
    series = athlete_load(s, s.plan, "A1")
    wl = series.week_of(tl.days[7])
    lt = lighter_than_around(series, wl)
    assert lt.change == -25 and LoadTable.of(RuleSet(s.rules)).volume_change("deload") == -40
    assert lt.barely(-40) and not lt.barely(-30) and not lt.barely(None)
    assert lt.logged and lt.barely(-40, planned=True)  # the plan's two-match deload: barely too
    planned = f"{lt.size_words(lt.planned_change)} the load weeks around it"
    (hw,) = handout_weeks(s, s.plan, ["A1"], [1])
    assert (f"your week was planned {planned} ({wl.planned:,.0f} AU); as logged, {wl.load:,.0f} "
            f"AU, 25 % below the load weeks around it — your matches keep their length") in hw.kind_text, \
        hw.kind_text
    said = [r.text for r in why_week(s, s.plan, "A1", tl.days[7]).reasons]
    assert any(f"as logged, {wl.load:.0f} AU, 25 % below them" in t
               and "the matches keep their length" in t for t in said), said
    # fit all week: no rehab session to keep its length (Review 262: it read "the matches and
    # rehab sessions keep their length")
    assert not any("rehab" in t for t in said if t.startswith("This week's")), said


def test_a_logged_deload_says_the_plans_cut_and_the_logged_one():
    """A player not in the squad, whose deload the plan made 40 % lighter, logged it far above the
    plan: the handout read "your week is …, 11 % below the load weeks around it", taken for the
    deload's design, and the why the same. A week with sessions logged says both: the plan's week
    against the plan's load weeks, then as logged; no "matches keep their length", which explains
    a plan, not a week logged above it. The weeks around are the same weeks (planned, logged)."""
    from planner import edits as E
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Session
    from planner.why import why_week

    s = _two_match_deload()
    tl = Timeline(s)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[14]})})
    series = athlete_load(s, s.plan, "A2")
    wl = series.week_of(tl.days[7])
    before, after = series.weeks[series.weeks.index(wl) - 1], series.weeks[series.weeks.index(wl) + 1]
    s = E.LogSessions(sessions=tuple(Session(athlete="A2", date=tl.days[d], minutes=0.9 * after.planned / 7 / 5,
                                             rpe=5) for d in range(7, 14))).apply(s)
    series = athlete_load(s, s.plan, "A2")
    wl = series.week_of(tl.days[7])
    lt = lighter_than_around(series, wl)
    planned_change = round(100 * (wl.planned / ((before.planned + after.planned) / 2) - 1))
    assert lt.logged and lt.planned == wl.planned and lt.planned_change == planned_change <= -30
    assert lt.change != planned_change and lt.barely(-40) and not lt.barely(-40, planned=True)
    size = lt.size_words(lt.change)
    (hw,) = handout_weeks(s, s.plan, ["A2"], [1])
    assert hw.kind_text.startswith(
        f"Deload week for the team: your week was planned {abs(planned_change)} % below the load "
        f"weeks around it ({wl.planned:,.0f} AU); as logged, {wl.load:,.0f} AU, {size} the load weeks "
        f"around it;"), hw.kind_text
    assert "—" not in hw.kind_text.split(";")[1]
    said = [r.text for r in why_week(s, s.plan, "A2", tl.days[7]).reasons
            if r.text.startswith("This week's")]
    assert said == [f"This week's planned load, {wl.planned:.0f} AU, is {abs(planned_change)} % "
                    f"below the load weeks around it as planned ({lt.planned_around:.0f} AU); as "
                    f"logged, {wl.load:.0f} AU, {size} them ({lt.around:.0f} AU)."], said
    # a week not logged keeps one figure
    a1 = athlete_load(s, s.plan, "A1")
    assert lighter_than_around(a1, a1.week_of(tl.days[7])).logged is False


def test_a_logged_deload_as_heavy_as_the_weeks_around_says_as_much_as_what():
    """A deload logged as heavy as the load weeks around it: the athlete sheet's heading broke
    off, "as logged, 1,740 AU, as much as;" (``Lighter.size_words`` says "as much as" for a
    change that rounds to 0 %), and one logged far above read "281 % above" with no base. Each
    logged figure names what it is compared with; so does the why."""
    from planner import edits as E
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Session
    from planner.why import why_week

    s = _two_match_deload()
    tl = Timeline(s)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[14]})})
    series = athlete_load(s, s.plan, "A2")
    k = series.weeks.index(series.week_of(tl.days[7]))
    around = (series.weeks[k - 1].load + series.weeks[k + 1].load) / 2
    for share, size in ((1.0, "as much as"), (3.0, "200 % above")):
        logs = tuple(Session(athlete="A2", date=tl.days[d], minutes=share * around / 7 / 5, rpe=5)
                     for d in range(7, 14))
        got = E.LogSessions(sessions=logs).apply(s)
        series = athlete_load(got, got.plan, "A2")
        wl = series.week_of(tl.days[7])
        lt = lighter_than_around(series, wl)
        assert lt.logged and lt.size_words(lt.change) == size, lt
        (hw,) = handout_weeks(got, got.plan, ["A2"], [1])
        assert f"as logged, {wl.load:,.0f} AU, {size} the load weeks around it;" in hw.kind_text, \
            hw.kind_text
        said = [r.text for r in why_week(got, got.plan, "A2", tl.days[7]).reasons
                if r.text.startswith("This week's")]
        assert len(said) == 1 and f"as logged, {wl.load:.0f} AU, {size} them (" in said[0], said


def test_a_stage_recorded_before_the_minimum_is_said_recorded_not_planned():
    """P2 recorded by the physio on today's date, before P1's minimum: the week's Next line read
    "P1 lasts at least 7 days …: the next stage from <day> at the earliest; …; planned: P2 from
    <today>" as if the plan had moved him early; it says the move is the record's."""
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    rec = injury("A1", "P2", start_day=2, history=(("P1", -3),))
    s = season(weeks=6, athletes=2, injuries=(rec,), today=day(2))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    assert s.plan.for_athlete("A1").stages[1:3] == ("P1", "P2")
    (week,) = Handouts(s, s.plan).weeks("A1", [0])
    assert (f"recorded: P2 from {text.day(day(2))} (before P1's minimum of 7 days)"
            in week.milestone), week.milestone
    assert "planned: P2" not in week.milestone
    # recorded after the minimum: no "before" words
    rec = injury("A1", "P2", start_day=5, history=(("P1", -3),))
    s = season(weeks=6, athletes=2, injuries=(rec,), today=day(5))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    (week,) = Handouts(s, s.plan).weeks("A1", [0])
    assert f"recorded: P2 from {text.day(day(5))};" in week.milestone + ";", week.milestone
    assert "minimum of" not in week.milestone.split("recorded:")[1]


def test_a_goalkeepers_taper_week_promises_no_kept_intensity_and_counts_no_hv_exposures():
    """HV-1 asks no high-velocity exposure of a goalkeeper: the starting keeper's taper week read
    "intensity kept … Planned: 1 speed day incl. 1 match, 0 HV exposures" above his match at
    100 %, and a reserve keeper's "intensity kept" over a week with no speed day at all."""
    season = solved_demo()
    rs = RuleSet(season.rules)
    tl = Timeline(season)
    final = next(c for c in season.competitions if c.priority == "A")
    w = tl.week_of[tl.index(final.date)] - 1
    keepers = [a.id for a in season.athletes if hv1_exempt(rs, a.position)]
    field = next(a.id for a in season.athletes
                 if not hv1_exempt(rs, a.position) and not season.injuries_of(a.id))
    assert len(keepers) >= 2
    for week in handout_weeks(season, season.plan, keepers, [w]):
        assert week.kind == "taper" and week.kind_text.startswith(f"Taper week before {final.name}")
        assert "intensity kept" not in week.kind_text and "short sessions" in week.kind_text
        assert week.hv_exposures == 0 and "HV exposure" not in week.speed_line
        assert week.speed_line.endswith("; no high-velocity work asked of a goalkeeper"), week.speed_line
    # a field player's taper keeps the team's words and his count
    (week,) = handout_weeks(season, season.plan, [field], [w])
    assert "intensity kept" in week.kind_text and "HV exposure" in week.speed_line


def test_the_last_stage_s_next_line_names_full_training_not_a_next_stage():
    """Back in S3, the protocol's last stage, after a flare-up: the Next line read "S3 lasts at
    least 7 days …: the next stage from Sun 6 Dec at the earliest", though S3 has no next stage;
    it names full training."""
    from tests.builders import day, flared_from_s3

    s = flared_from_s3(3)
    week = next(w for w in handout_weeks(s, s.plan, ["A1"]) if w.first <= day(3) <= w.last)
    assert "S3 lasts at least 7 days from" in week.milestone, week.milestone
    assert ": full training from " in week.milestone and "the next stage" not in week.milestone, \
        week.milestone


def test_the_session_that_flared_up_is_shown_in_the_stage_it_was_run_in():
    """A 100 % session run in S3, logged with pain 6/10 and recorded as a flare-up that day (back
    to S2, whose cap is 95 %): the Inspector and explain said "Planned session: Rehab S2: 4 × 30 m
    at 100 %", a session above S2's cap nobody ran, while explain's fact said it was run in S3.
    The day's session is S3's, in explain, the handout (and so the Excel week) alike; the week's
    S2 limits are S2's days', not the flare-up's session's."""
    from planner.handout import day_texts
    from tests.builders import day, flared_in_a_logged_s3_session
    from ui.cli.commands import _day_lines

    d = 3  # Thursday of week 1
    s = flared_in_a_logged_s3_session(d)  # solved and checked
    ap = s.plan.for_athlete("A1")
    assert (ap.stages[d - 1], ap.stages[d], ap.intensity[d]) == ("S3", "S2", 100)

    said = [x for x in _day_lines(s, s.plan, "A1", day(d)) if x.startswith("Planned session:")]
    assert len(said) == 1 and said[0].startswith("Planned session: Rehab S3:"), said
    assert "at 100 %" in said[0] and "S2" not in said[0], said

    week = next(w for w in handout_weeks(s, s.plan, ["A1"]) if w.first <= day(d) <= w.last)
    flare = next(x for x in week.days if x.date == day(d))
    assert flare.stage == "S2" and flare.session.stage == "S3"
    assert flare.session.summary == said[0].removeprefix("Planned session: ")
    assert flare.session.kicking == load_protocol("iliopsoas-tendinopathy").stage("S3").kicking
    assert "The session that flared up, run in S3." in day_texts(flare).what
    # S2 from the flare-up: its limits are not the S3 session's full kicks
    s2 = week.stage[week.stage.index("From " + text.day(day(d))):]
    assert "full kicks" not in s2.split("Limits:", 1)[1], week.stage


def test_a_flare_up_day_run_in_s1_is_no_day_between_of_the_stage_it_puts_the_athlete_in():
    """A1 (iliopsoas) in S1 runs 70 % on day 3, flares up that day (back to P3, a stage with days
    between loading days) and is logged at 90 % the next day: the handout read "Rehab S1, day
    between" with a stray ". Then easy running" and the plan JSON "rehab-run-between", P3's
    flag in S1's words, a day S1 does not have. The day reads as S1's session alike in
    explain, the handout and the plan JSON, and the checker reads the file back without a note."""
    import json

    from planner import edits as E
    from planner.handout import day_texts
    from planner.planjson import derived_notes, plan_from_dict, plan_to_dict
    from planner.season import Session
    from planner.sessions import Prescriber, load_catalogue
    from tests.builders import day, injury, season, solved_and_checked
    from ui.cli.commands import _day_lines

    d = 3
    s = season(weeks=4, athletes=2, today=day(d + 3),
               injuries=(injury("A1", "S1", start_day=-3, history=(("P3", -12),)),))
    s = s.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(x), minutes=40, rpe=4, top_speed_pct=pct)
        for x, pct in ((d, 70), (d + 1, 90)))})
    s = E.RecordFlareUp(athlete="A1", date=day(d)).apply(s)
    out, _ = solved_and_checked(s, time_limit=20)
    s = s.model_copy(update={"plan": out.plan})
    ap = s.plan.for_athlete("A1")
    assert (ap.stages[d - 1], ap.stages[d], ap.intensity[d]) == ("S1", "P3", 70)
    # S1's own session at 70 %, as any other S1 day at 70 % would read (no day between in S1)
    s1 = Prescriber(s, s.plan).planned(Prescriber(s, s.plan).facts("A1"), d - 1, 70)
    p = Prescriber(s, s.plan).day("A1", d)
    assert p.stage == "S1" and p.session == s1.session and p.name == s1.name, (p, s1)
    assert "between" not in p.session and "day between" not in p.name, p
    assert not p.content.startswith("."), p.content

    said = [x for x in _day_lines(s, s.plan, "A1", day(d)) if x.startswith("Planned session:")]
    assert said == [f"Planned session: {p.summary}"], said

    week = next(w for w in handout_weeks(s, s.plan, ["A1"]) if w.first <= day(d) <= w.last)
    flare = next(x for x in week.days if x.date == day(d))
    assert flare.session.session == p.session and flare.session.stage == "S1"
    what = day_texts(flare).what
    assert "day between" not in what and ". Then easy running" not in what, what

    data = json.loads(json.dumps(plan_to_dict(s, s.plan)))
    a1 = next(a for a in data["athletes"] if a["id"] == "A1")
    assert a1["days"][d]["session"] == p.session == session_ids(s, s.plan)["A1"][d]
    ids = {x.id for x in load_catalogue().sessions}
    assert p.session in ids
    assert derived_notes(data, s, plan_from_dict(data, s)) == []


def test_a_past_day_logged_above_a_stage_recorded_afterwards_is_said_as_logged():
    """A flare-up recorded after the fact puts the days already logged at 70 % in P1 (no
    running): the handout, the calendar and explain printed them as P1 prescriptions ("Rehab P1:
    6 × 80 m at 70 % … no faster than the stage's 0 %"). Such a day says what was logged and the
    stage it lies above, the same in explain, the handout (and so the Excel week) and the .ics."""
    from icalendar import Calendar

    from planner.handout import day_texts
    from planner.ical import athlete_calendar
    from tests.builders import day, logged_in_p2_then_flared
    from ui.cli.commands import _day_lines

    s = logged_in_p2_then_flared()
    ap = s.plan.for_athlete("A1")
    assert (ap.stages[4], ap.intensity[4]) == ("P1", 70)

    lines = _day_lines(s, s.plan, "A1", day(4))
    assert "Session: Logged 70 % — above P1 (no running)" in lines, lines
    assert not any("Rehab P1" in x or "Planned session" in x for x in lines), lines

    week = next(w for w in handout_weeks(s, s.plan, ["A1"]) if w.first <= day(4) <= w.last)
    ran = next(x for x in week.days if x.date == day(4))
    cells = day_texts(ran)
    assert ran.session.as_logged and ran.as_logged
    assert cells.summary.replace("\xa0", " ") == "Logged: 60 min, RPE 5, top speed 70 %"
    assert cells.what.replace("\xa0", " ") == "Logged 70 %, above P1 (no running)."
    assert cells.speed == cells.limits == "" and not cells.bold
    for d in week.days:  # no day of the week is a P1 session with running
        assert "Rehab P1:" not in day_texts(d).summary or "no running" in day_texts(d).summary
        assert "stage's 0 %" not in day_texts(d).what

    cal = Calendar.from_ical(athlete_calendar(s, s.plan, "A1").to_ical())
    event = next(e for e in cal.walk("VEVENT") if e.decoded("dtstart") == day(4)
                 and str(e.get("categories").cats[0]) == "Rehab")
    assert str(event.get("summary")) == "Logged 70 % — above P1 (no running)"
    assert "stage's 0 %" not in str(event.get("description"))
    assert "target effort" not in str(event.get("description"))


def test_a_past_day_logged_just_above_its_stage_at_the_level_planned_keeps_the_session_planned():
    """Review 277 F2: A18, S2 (at most 95 %), planned 95 %, logged 97 %: the handout's row read
    only "Logged 97 % (counts as 95 %), above S2 (at most 95 %)", its Target speed and Kicking ·
    change of direction cells empty (None in the Excel athlete sheet), no "Planned: Rehab S2",
    while a day logged above the stage at another level than planned kept all of it. The session
    planned, its target speed and limits show beside the log, on the handout, the Excel athlete
    sheet and the calendar, as on any past day logged."""
    import io

    import openpyxl

    from planner import edits as E
    from planner.handout import day_texts
    from planner.ical import athlete_calendar
    from planner.season import Session
    from planner.xlsx_athlete import LIMITS, SPEED, WHAT
    from planner.xlsx_export import workbook_bytes

    season, tl, d70, moved = _kofi_past_a_p2_day()
    moved = E.LogSessions(sessions=(  # 72 % counts as the 70 % planned, above P2's 70 %
        Session(athlete="A07", date=tl.days[d70], minutes=60, rpe=5, top_speed_pct=72),)).apply(moved)
    plan = moved.plan
    assert plan.for_athlete("A07").intensity[d70] == 70
    (week,) = Handouts(moved, plan).weeks("A07", [tl.week_of[d70]])
    ran = next(d for d in week.days if d.date == tl.days[d70])
    planned = ran.planned_session
    assert planned is not None and (planned.stage, planned.level) == ("P2", 70)
    assert planned.summary.startswith("Rehab P2: ") and planned.speed_ms and planned.limits
    cells = day_texts(ran)
    assert cells.summary.replace("\xa0", " ") == "Logged: 60 min, RPE 5, top speed 72 %"
    assert cells.what.replace("\xa0", " ") == (
        f"Logged 72 % (counts as 70 %), above P2 (at most 70 %).\nPlanned: "
        f"{planned.summary.replace(chr(160), ' ')}.")
    assert cells.speed.startswith(f"{planned.speed_ms:.1f} m/s")
    assert cells.limits.startswith("Kicking: ")
    # the Excel athlete sheet: the same cells, not None
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(moved, plan, weeks=[tl.week_of[d70]])))
    ws = next(wb[n] for n in wb.sheetnames if n.startswith("A07 "))
    (row,) = [r for r in ws.iter_rows(values_only=True) if r[0] == ran.day]
    assert row[SPEED] == cells.speed and str(row[LIMITS]).startswith("Kicking: ")
    assert row[WHAT].replace("\xa0", " ").endswith(f"Planned: {planned.summary.replace(chr(160), ' ')}.")
    # the calendar's event: what was logged, then the session planned
    (event,) = [e for e in athlete_calendar(moved, plan, "A07").walk("VEVENT")
                if e.get("dtstart").dt == tl.days[d70] and "session" in str(e.get("uid"))]
    assert str(event.get("summary")) == (f"Logged: 60 min, RPE 5, top speed 72 % — planned: "
                                         f"{planned.summary[:1].lower()}{planned.summary[1:]}")
    assert "\nPlanned: " in str(event.get("description")), str(event.get("description"))


def _limits_from(week, day) -> str:
    """The Limits said for the stage that starts on ``day`` in a week of two stages."""
    part = week.stage[week.stage.index("From " + text.day(day)):]
    return part.split("Limits: ", 1)[1].split(".")[0]


def test_a_stage_of_calm_days_in_the_week_gives_them_as_the_calm_days_limits():
    """Back to S2 on a flare-up's day whose session ran in S3, then the calm days and a rest
    day: the week's S2 read "Limits: kicking: none; change of direction: none" (the calm days',
    as if S2's, right after S2's "medium kicks") or the rest day's "medium kicks" above days
    without a kick. Every S2 session that week is a calm day's: the limits are said as theirs."""
    from planner.sessions import Prescriber
    from tests.builders import day, flared_in_a_logged_s3_session

    d = 3
    s = flared_in_a_logged_s3_session(d)  # solved and checked
    days = Prescriber(s, s.plan).athlete("A1")
    week = handout_weeks(s, s.plan, ["A1"])[0]
    s2 = [i for i in range(d, 7) if days[i].stage == "S2"]
    assert {days[i].context for i in s2} <= {"calm", "rest"} and "calm" in {
        days[i].context for i in s2}, [(p.stage, p.context) for p in days[:7]]
    # the match (day 5) is a rest day, no calm day: one of the 2 calm days this week, named (it
    # read "the calm day after the flare-up", as if there were one)
    assert _limits_from(week, day(d)) == (
        f"no kicking, no change of direction on the calm day {text.day(day(d + 1))}"), week.stage


def test_a_match_day_between_the_calm_days_is_labelled_none_of_them():
    """A P1 player flares up on a Monday before a Wednesday match, P2 recorded from Thursday:
    explain, the board's marks and the handout called the match day a calm day too (three for
    RH-FL's two: the calm days are the next days the athlete trains), and the week's Stage line
    said "the calm day after it" of one of the two. The match day is held at 60 % and labelled
    none; the Stage line names the one calm day in P1, and "the 2 calm days" when both are."""
    from planner.daymarks import day_rows
    from planner.season import StageRecord
    from planner.why import why_day
    from tests.builders import day, injury, season, solved_and_checked

    inj = injury("A1", "P1", start_day=-2, flare_days=(7,)).model_copy(update={
        "protocol": "hamstring-strain"})
    inj = inj.model_copy(update={"stages": inj.stages + (StageRecord(stage="P2", start=day(10)),)})
    lines = []
    for matches in ([9, 12, 19], [12, 19]):
        s = season(weeks=3, athletes=2, matches=matches, injuries=(inj,))
        s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
        calm = [i for i in range(8, 12) if any(k == "Calm day" for k, _ in day_rows(s, "A1", i))]
        assert calm == ([8, 10] if 9 in matches else [8, 9]), calm
        for i in (8, 9):
            (rh_fl,) = [r.text for r in why_day(s, s.plan, "A1", day(i)).reasons if r.rule == "RH-FL"]
            assert ("no calm day itself" in rh_fl) == (i not in calm), rh_fl
        stage = handout_weeks(s, s.plan, ["A1"], [1])[0].stage
        lines.append(stage.split("Limits: ", 1)[1].split(".")[0])
    assert lines == [f"no kicking, no change of direction on the flare-up's day and the calm day "
                     f"{text.day(day(8))}",
                     "no kicking, no change of direction on the flare-up's day and the 2 calm days "
                     "after it"], lines


def test_a_stage_with_sessions_of_its_own_gives_its_own_limits_in_the_week():
    """A flare-up's week in S2 then S2's own sessions the next week: its line gives S2's own
    limits; after a flare-up in S3 the stepped-down days keep S2's in their cells, while the
    week's line says the step-down beside S3's own limits (as the calendar's stage event)."""
    from planner.sessions import Prescriber
    from tests.builders import day, flared_back_to_s2, flared_from_s3

    proto = load_protocol("iliopsoas-tendinopathy")
    s2, s3 = proto.stage("S2"), proto.stage("S3")
    s = flared_back_to_s2(3)  # solved and checked
    weeks = handout_weeks(s, s.plan, ["A1"])
    assert weeks[1].limits == f"kicking: {s2.kicking}; change of direction: {s2.cod}"
    # flare-up, calm and rest days only: each day type with the limits its row gives
    # (the calm day of the match, day 5, is a rest day with no rehab session)
    assert _limits_from(weeks[0], day(3)) == (
        f"no kicking, no change of direction on the flare-up's day; kicking: short passes, no "
        f"change of direction on the calm day {text.day(day(4))}")
    s = flared_from_s3(3)
    days = Prescriber(s, s.plan).athlete("A1")
    week = handout_weeks(s, s.plan, ["A1"])[1]  # S3 all week, stepped down from its first days
    # Monday (day 7) is the second calm day (RH-FL counts the days trained: not Saturday's
    # match nor Sunday); Tuesday is the first stepped-down day of its own
    assert days[7].context == "calm" and days[6].context == "rest"
    assert days[8].stage == "S3" and days[8].level > 0 and days[8].kicking == s2.kicking
    assert "kicking and change of direction are S2's until" in week.stage, week.stage
    assert week.limits == f"kicking: {s3.kicking}; change of direction: {s3.cod}", week.limits


def test_a_flare_up_that_keeps_p1_restarts_its_minimum_on_the_week_line():
    """A flare-up in P1 (the first stage: it stays there) restarts P1's minimum, but the Next
    line counted from P1's recorded start ("P1 lasts at least 3 days from Sun 29 Nov: the next
    stage from Wed 2 Dec", the day after the flare-up) and the Stage line did not name it."""
    from tests.builders import day, injury, season, solved_and_checked

    s = season(weeks=3, athletes=2, injuries=(injury("A1", "P1", start_day=-1, flare_days=(2,)),))
    s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    spec = load_protocol("iliopsoas-tendinopathy").stage("P1")
    ap = s.plan.for_athlete("A1")
    assert ap.stages[2] == ap.stages[1] == "P1"  # the case: the flare-up kept the stage
    (week,) = handout_weeks(s, s.plan, ["A1"], [0])
    earliest = day(2 + spec.min_days)
    assert week.milestone.startswith(
        f"P1 lasts at least {text.plural(spec.min_days, 'day')} from the flare-up of "
        f"{text.day(day(2))}: the next stage from {text.day(earliest)} at the earliest"), week.milestone
    assert f"After the flare-up of {text.day(day(2))}, P1 starts again." in week.stage
    # the stage rules ('periodize explain', the athlete sheet) count from the same day
    from planner.why import why_day

    said = why_day(s, s.plan, "A1", day(3)).text()
    assert f"Day 2 of P1 (started {text.day_long(day(2))})" in said, said


def test_a_run_at_a_percent_without_a_max_speed_says_the_max_speed_is_not_measured():
    from planner.handout import day_texts
    from planner.sessions import NO_MAX_SPEED

    season = solved_demo()
    aid = "A07"  # speed days (targets) and team days (ceilings) all season
    assert season.athlete(aid).max_speed
    unmeasured = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": None}) if a.id == aid else a for a in season.athletes)})
    measured = [day_texts(d).speed for w in handout_weeks(season, season.plan) if w.athlete == aid
                for d in w.days]
    said = [day_texts(d).speed for w in handout_weeks(unmeasured, unmeasured.plan)
            if w.athlete == aid for d in w.days]
    # every cell that gave a target speed now says the max speed is missing (an empty cell said
    # nothing); a ceiling's ("≤ 6.3 m/s", a 70 % team day: no sprints) has nothing to aim at and
    # stays empty (it wrapped to three lines there)
    assert sum("m/s" in s and not s.startswith("≤") for s in measured) > 10
    assert sum(s.startswith("≤") for s in measured) > 5
    assert [("" if s.startswith("≤") else NO_MAX_SPEED) if "m/s" in s else s for s in measured] == said


def _leaver(weeks_with: int):
    """The demo with a player fit all season leaving the squad on the Monday of week
    ``weeks_with`` + 1 (0-based index ``weeks_with``): the season, the plan, his ID, the day."""
    import datetime as dt

    from planner.season import Unavailability

    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    aid = next(ap.athlete for ap in plan.athletes if set(ap.stages) == {FIT}
               and not any(u.athlete == ap.athlete for u in season.unavailability))
    left = tl.days[tl.weeks[weeks_with].first]
    assert left.weekday() == 0
    gone = Unavailability(athlete=aid, start=left, end=tl.end, reason="left the squad")
    season = season.model_copy(update={"unavailability": (*season.unavailability, gone)})
    assert tl.end - left > dt.timedelta(days=13)
    return season, plan, aid, left


def test_a_leavers_last_week_says_so_and_his_weeks_after_it_print_no_page():
    """A leaver's last handout week named, as "Next", a match after he left with "away" (read as
    an away fixture), and a page "Away all 2 weeks (left the squad): nothing planned" followed;
    the week says he leaves and when, the weeks after it print no page, and a run of two weeks
    away reads "both weeks"."""
    season, plan, aid, left = _leaver(10)
    out = handout_weeks(season, plan, [aid], [9, 10, 11])
    assert [w.week for w in out] == [10]
    assert out[0].milestone == f"Last week with the squad: you leave on {text.day(left)}"
    earlier = handout_weeks(season, plan, [aid], [8])[0]  # a week on: his next match is before
    assert "leave" not in earlier.milestone
    # the staff workbook keeps them as one page (its athlete sheet reads Handouts.weeks)
    away = Handouts(season, plan).weeks(aid, [10, 11])
    assert [w.kind_text for w in away] == ["Away both weeks (left the squad): nothing planned"]


def test_a_leaver_with_no_match_before_he_goes_is_told_so_not_a_match_after():
    """Leaving after a break with no match (weeks 21 and 22 of the demo), the week before the
    break names no match of the weeks after he left either."""
    season, plan, aid, left = _leaver(22)
    tl = Timeline(season)
    assert not any(tl.is_comp[i] for w in (20, 21) for i in tl.weeks[w].days)
    before = handout_weeks(season, plan, [aid], [19])[0]
    assert before.milestone == f"No match before you leave the squad on {text.day(left)}"
    assert handout_weeks(season, plan, [aid], [21])[0].milestone == (
        f"Last week with the squad: you leave on {text.day(left)}")


def test_the_demos_ill_week_is_no_load_week_around_amir_rahimis_deload():
    """Amir Rahimi (A22) is ill Monday 1 to Friday 5 Feb 2027 and trains on the Saturday (a few
    hundred AU); the team's deload follows. Counted as a load week around it, that week made his
    deload, 40 % lighter than the weeks he trained, "4 % above the load weeks around it" on the
    handout and the Excel week, with no "40 % less volume" at all. A load week with any day away
    is skipped for the next one he trained whole."""
    import datetime as dt

    from planner.loadtable import lighter_than_around, lived_load

    season = solved_demo()
    series = lived_load(season, season.plan, "A22")
    ill, deload = series.week_of(dt.date(2027, 2, 1)), series.week_of(dt.date(2027, 2, 8))
    assert ill.kind == "load" and ill.counted and 0 < ill.absent < 7 and 0 < ill.load
    assert deload.kind == "deload"
    lt = lighter_than_around(series, deload)
    before, after = (w for w in series.weeks if w.start in (dt.date(2027, 1, 25),
                                                               dt.date(2027, 2, 15)))
    assert not before.absent and not after.absent and before.kind == after.kind == "load"
    assert lt.both and lt.around == (before.load + after.load) / 2 and lt.change <= -30
    (hw,) = [w for w in handout_weeks(season, season.plan, ["A22"]) if w.first == deload.start]
    assert "40 % less volume" in hw.kind_text and "above the load weeks" not in hw.kind_text


def test_a_player_leaving_in_rehab_midweek_gets_a_hand_over_page():
    """Kofi leaves on Thu 20 Aug 2026 in P2: his last page said nothing of it, named the
    Saturday's match ("in rehab, not playing") and a target after he left, and drew P2 on his
    days away. It says he leaves, as the hand-over to his next physio, keeps what it takes to
    leave his stage, and has no match, target or stage after that day."""
    import datetime as dt

    from planner import edits as E

    left = dt.date(2026, 8, 20)
    season = E.LeaveSquad(athlete="A07", leaves=left).apply(solved_demo())
    tl = Timeline(season)
    [week] = handout_weeks(season, season.plan, ["A07"], [tl.week_of[tl.index(left)]])
    assert week.milestone.startswith(
        "Last week with the squad: you leave on Thu 20 Aug; take this page to your next physio. "
        "P2 lasts"), week.milestone
    assert "target" not in week.milestone and week.matches == ()
    assert [d.stage for d in week.days if d.date >= left] == [""] * 4
    assert {d.stage for d in week.days if d.date < left} == {"P2"}


def test_a_target_missed_before_the_weeks_page_is_not_on_it():
    """Kofi's week-13 page (from Mon 26 Oct) read "target Derby (home) (Sat 17 Oct): not reached
    in this plan (… back Thu 22 Oct at the earliest)" nine days after the Derby; the page of the
    Derby's own week says it, with what sent him back."""
    from tests.builders import day
    from tests.planner.test_returns_missed import _flared_back

    s, plan = _flared_back(20, today=day(14))
    target_week, later = Handouts(s, plan).weeks("A1", [1, 2])
    assert "target Match 2 (Sat 16 Jan): not reached in this plan (flare-up of Tue 12 Jan)" in (
        target_week.milestone), target_week.milestone
    assert "Match 2" not in later.milestone and "target" not in later.milestone, later.milestone
    assert "back to full training" in later.milestone, later.milestone  # the page has a Next line


def _winter_break(off: range, logged: tuple = ()):
    """Four weeks, a match on Sat of weeks 1 and 4, the team's days off ``off`` ("Winterpause"),
    and a plan that calls the second week a deload (0 % on the days off and Sundays)."""
    from planner.season import AthletePlan, NonTrainingDay, Plan, Session
    from tests.builders import day, season

    s = season(weeks=4, athletes=2, matches=[5, 26])
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"non_training_days": tuple(
            NonTrainingDay(date=day(i), reason="Winterpause") for i in off)}),
        "sessions": tuple(Session(athlete="A1", date=d, minutes=30.0, rpe=3.0) for d in logged)})
    it = tuple(100 if i in (5, 26) else 0 if i in off or i % 7 == 6 else 70 for i in range(28))
    weeks = ("load", "deload", "load", "load")
    plan = Plan(status="manual", team_weeks=weeks, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * 28, intensity=it, weeks=weeks)
        for a in s.athletes))
    return s.model_copy(update={"plan": plan})


def test_weeks_wholly_in_the_teams_days_off_are_left_out_of_several_weeks_handouts():
    """A four-week winter break printed a page of "Rest day: Winterpause" ×7 per player and
    week (54 of 108 pages), and a week inside it was headed "Deload week: … team sessions of
    45 minutes". Of several weeks, those with no training day and no match for anyone are left
    out and said; one chosen alone keeps its page, headed as a week without training."""
    from planner.handout import idle_left_out, idle_left_out_words, idle_weeks
    from tests.builders import day

    s = _winter_break(range(7, 21))
    assert idle_weeks(s) == {1: "Winterpause", 2: "Winterpause"}
    assert idle_left_out_words(idle_left_out(s)) == "2 weeks without training left out: Winterpause"
    assert [(w.athlete, w.week) for w in handout_weeks(s, s.plan)] == [
        ("A1", 1), ("A1", 4), ("A2", 1), ("A2", 4)]
    assert [w.week for w in handout_weeks(s, s.plan, ["A1"], [0, 1, 2])] == [1]
    assert idle_left_out(s, [1]) == {}  # a week chosen alone: its page
    (alone,) = handout_weeks(s, s.plan, ["A1"], [1])
    assert alone.kind == "deload" and alone.idle == "Winterpause"
    assert alone.kind_text == "No training this week (Winterpause)"
    (load,) = handout_weeks(s, s.plan, ["A1"], [3])
    assert load.kind_text.startswith("Load week") and not load.idle
    # Saturday of the second week trained: that week is no break week, and has its page
    part = _winter_break(range(7, 19))
    assert idle_weeks(part) == {1: "Winterpause"}
    assert [w.week for w in handout_weeks(part, part.plan, ["A1"])] == [1, 3, 4]
    # a session logged in the break: the week keeps its page (what was done is on it)
    done = _winter_break(range(7, 21), logged=(day(16),))
    assert idle_weeks(done) == {1: "Winterpause"}
    assert [w.week for w in handout_weeks(done, done.plan, ["A1"])] == [1, 3, 4]


def test_the_footer_says_in_plain_words_the_terms_the_page_uses_and_no_other():
    """The footer defined Speed day, HV, RPE and Load, not MD-3/MD+2, deload, taper or AU, which
    the page used besides. Each term the page uses has a plain line; one it does not use, none."""
    from planner.handout import page_terms

    season = solved_demo()
    kinds = season.plan.team_weeks
    deload, taper = kinds.index("deload"), kinds.index("taper")
    (dl,) = handout_weeks(season, season.plan, ["A05"], [deload])
    terms = page_terms(dl)
    assert "Deload: shorter training sessions, to recover; matches as planned" in terms and "Taper" not in terms
    assert "Load: minutes × RPE, in AU (arbitrary units)" in terms
    labels = {x for d in dl.days for x in (d.md or "").replace("\n", " · ").split(" · ")}
    assert {"MD-3", "MD+2"} <= labels
    assert "MD: match day, MD-3: 3 days before it, MD+2: 2 days after it" in terms
    (tp,) = handout_weeks(season, season.plan, ["A19"], [taper])
    assert "Taper: shorter training before a main match, to arrive fresh; matches as planned" in page_terms(tp)
    assert "Deload" not in page_terms(tp)
    # a week of a winter break the plan calls a deload: no deload on the page
    s = _winter_break(range(7, 21))
    (idle,) = handout_weeks(s, s.plan, ["A1"], [1])
    assert "Deload" not in page_terms(idle) and "MD: match day, MD+2: " in page_terms(idle)
    assert "≤" not in page_terms(idle) and "≤: at most that speed" in terms


def test_the_players_page_says_what_to_report_and_the_staffs_rules_in_his_words():
    """Read as a 19-year-old: no page told a fit player what to tell the coach; the Pain row of a
    hamstring page was passive ("… is adjusted or stopped"), the iliopsoas one named a model,
    the Running, Load and Week rows were the planner's sentences. The player's page says them as
    instructions (the protocol's threshold kept); the staff's pages keep the protocol's words."""
    from planner.handout import (
        MATCHES_COUNT,
        MATCHES_COUNT_PLAYER,
        REPORT_LINE,
        RUN_RULE_PLAYER,
        page_terms,
    )

    season = solved_demo()
    plan = season.plan
    player = {w.athlete: w for w in handout_weeks(season, plan, weeks=[1])}
    staff = {a.id: Handouts(season, plan).weeks(a.id, [1])[0] for a in season.athletes}
    assert all(w.report == REPORT_LINE for w in player.values() if not w.away)
    assert all(w.report == "" for w in staff.values())
    hamstring = load_protocol("hamstring-strain").pain_rule
    assert "2/10 pain or more at the injured area is adjusted or stopped" in hamstring
    assert staff["A19"].pain_rule == hamstring
    assert player["A19"].pain_rule == ("2/10 pain or more at the injury: stop the exercise and "
                                       "tell the physio.")
    iliopsoas = load_protocol("iliopsoas-tendinopathy").pain_rule
    assert staff["A12"].pain_rule == iliopsoas and "(pain-monitoring model)" in iliopsoas
    assert player["A12"].pain_rule == iliopsoas.replace(" (pain-monitoring model)", "")
    assert staff["A19"].run_rule == RUN_RULE and player["A19"].run_rule == RUN_RULE_PLAYER
    assert "lowest step, as none" not in RUN_RULE_PLAYER
    assert staff["A19"].load_text.endswith("AU (minutes × RPE of the rules' load table)")
    assert player["A19"].load_text.endswith("AU (minutes × target RPE)")
    fit = [aid for aid, w in staff.items() if w.stage.startswith("Fit") and "(matches" in w.kind_text]
    assert fit
    for aid in fit:
        assert MATCHES_COUNT in staff[aid].kind_text and MATCHES_COUNT not in player[aid].kind_text
        assert MATCHES_COUNT_PLAYER in player[aid].kind_text
    # nothing logged: the RPE column is the target, and the footer says so
    w = player["A01"]
    assert w.rpe_head == "Target RPE" and "Target RPE: how hard the session should feel" in \
        page_terms(w)


def test_the_players_next_line_leaves_a_stage_recorded_without_a_test_to_the_staff():
    """P3 → S1 recorded in Move Today over a failed hip-flexor test: the player's Next line read
    "back to full training Thu 7 Jan (recorded without a passing test: P3's …)", as if his return
    were recorded, beside "Provisional: the move S3 → FIT … not passed yet". The staff's page
    says it; the player's says his return and what it waits on."""
    from planner.season import CriteriaTest
    from tests.builders import day, injury, season, solved_and_checked

    rec = injury("A1", "S3", start_day=-8, history=(("P3", -20), ("S1", -14), ("S2", -11)))
    rec = rec.model_copy(update={"tests": (
        CriteriaTest(date=day(-15), name="Hip-flexor strength LSI", value=80),)})
    s = season(weeks=3, athletes=2, today=day(0), injuries=(rec,))
    out, _ = solved_and_checked(s, time_limit=20)
    s = s.model_copy(update={"plan": out.plan})
    (r,) = returns(s, s.plan)
    assert r.untested == ("P3's Hip-flexor strength LSI (≥ 90 %)",)
    back = f"back to full training {text.day(r.fit)}"
    (staff,) = Handouts(s, s.plan).weeks("A1", [0])
    (player,) = handout_weeks(s, s.plan, ["A1"], [0])
    assert f"{back} (recorded without a passing test: P3's Hip-flexor strength LSI" in \
        staff.milestone
    assert "recorded without" not in player.milestone and f"{back}, then 3 team sessions" in \
        player.milestone
    assert "Provisional: the move S3 → FIT" in player.milestone


def test_a_session_logged_today_is_said_on_todays_row_and_in_the_weeks_load():
    """Move Today imported a log with today's row (30 min, RPE 2): the workbook's week load
    counted it, while today's row on the handout and the athlete page still gave the planned
    95 % sprints (60 min, RPE 6, 360 AU) and the handout's Load line the plan alone. Today's
    row says what was logged with the session planned beside it, as a past day's does, and the
    Load line the logged part; a day after today, and an athlete with nothing logged today,
    keep the plan. Its logged note and its load against the plan's are said as a past day's
    ("tight calf" was nowhere on the page although the week's load counted the session)."""
    from planner.handout import day_texts
    from planner.loadtable import athlete_load
    from planner.season import Session
    from tests.builders import day, season, solved_and_checked

    s = season(weeks=2, athletes=2, today=day(2))
    out, _ = solved_and_checked(s, time_limit=20)
    s = s.model_copy(update={"plan": out.plan, "sessions": (
        Session(athlete="A1", date=day(2), minutes=30, rpe=2, note="tight calf"),)})
    tl = Timeline(s)
    assert tl.p0 == 2
    for h in (Handouts(s, s.plan), Handouts(s, s.plan, to_player=True)):
        (w,) = h.weeks("A1", [0])
        today, later = w.days[2], w.days[3]
        planned = h.sessions("A1")[2]
        assert planned.load and planned.load != 60  # the plan's session, not the logged one
        assert today.today_logged and (today.minutes, today.rpe, today.load) == (30, 2, 60)
        t = day_texts(today)
        assert t.summary == keep_units(
            f"Logged: 30 min, RPE 2 (tight calf) (60 AU, planned {planned.load:g} AU)")
        assert t.what == keep_units(f"Planned: {planned.summary}.")
        assert not later.today_logged and later.load == (later.session.load or None)
        # the Load line: the logged part, as the monitoring figures (the workbook's week load)
        # count a session logged today
        figures = athlete_load(s, s.plan, "A1", count_today=True)
        assert w.logged_load == 60 == figures.load[figures.season_start + 2]
        (other,) = h.weeks("A2", [0])
        assert not other.days[2].today_logged and other.logged_load is None
        assert day_texts(other.days[2]).summary == keep_units(other.days[2].session.summary)


def test_a_provisional_run_logged_today_says_its_note_on_the_next_row():
    """Isaac Boateng's provisional P3 run began today, with today's session logged: today's row
    said what was logged and no note, while the rows after it read "Provisional (see Mon 16
    Nov)", pointing to a row that says nothing of it. The next such row says the note in full."""
    from planner.handout import day_texts
    from planner.season import Session

    season = solved_demo()
    tl = Timeline(season)
    h = Handouts(season, season.plan, to_player=True)
    prov = h._waits_on(h.p.facts("A19"))
    ap = season.plan.for_athlete("A19")

    def runs(i: int) -> bool:  # a provisional run: its row says the note
        return bool(prov[i]) and ap.intensity[i] >= 60 and ap.stages[i] != FIT

    first, nxt = next((i, j) for i in range(tl.n) if runs(i)
                      for j in tl.weeks[tl.week_of[i]].days if j > i and runs(j))
    today = tl.days[first]
    s = season.model_copy(update={
        "calendar": season.calendar.model_copy(update={"today": today}),
        "sessions": (Session(athlete="A19", date=today, minutes=30, rpe=2),)})
    (w,) = Handouts(s, s.plan, to_player=True).weeks("A19", [tl.week_of[first]])
    rows = {d.date: d for d in w.days}
    assert rows[today].today_logged and "Provisional" not in day_texts(rows[today]).what
    said = rows[tl.days[nxt]]
    assert day_texts(said).what.startswith("Provisional: only once "), day_texts(said).what
    assert all(d.provisional_said in (None, said.date) for d in w.days)


def test_the_limits_column_says_kicking_only_on_a_page_with_a_kicking_limit():
    """A basketball coach's handout headed a column "Kicking · change of direction" on every page,
    weeks with no kicking limit in them too. The head says "Kicking" only on a page where a day
    says a kicking limit (a rehab stage's, the day before a match's); else "Change of direction".
    The day's cells are as they were."""
    from planner.handout import LIMITS_HEAD, day_texts

    season = solved_demo()
    weeks = handout_weeks(season, season.plan)
    heads = set()
    for w in weeks:
        lines = [x for d in w.days for x in day_texts(d).limits.split("\n") if x]
        kicking = any(x.startswith("Kicking: ") for x in lines)
        assert w.limits_head == (LIMITS_HEAD if kicking else "Change of direction"), (w.athlete, w.week)
        assert all(x.startswith(("Kicking: ", "Change of direction: ")) for x in lines)
        heads.add(w.limits_head)
        if w.stage.startswith(("P", "S")):  # a rehab stage's own limits: kept
            assert kicking, (w.athlete, w.week)
    assert heads == {LIMITS_HEAD, "Change of direction"}
    # a fit player's week with no match, recovery or rehab day: no kicking on the page
    quiet = [w for w in weeks if w.stage.startswith("Fit") and not w.matches
             and not any(d.session.context in ("activation", "recovery") for d in w.days)]
    assert quiet and all(w.limits_head == "Change of direction" for w in quiet)


def test_the_pdf_handout_prints_a_day_logged_at_0_au_as_0_with_its_rpe():
    """The PDF handout's day left the Load cell blank for a day logged at 0 AU (RPE 0, or 0
    minutes), and the 0-minute session's RPE 7 blank too: read as nothing logged."""
    from planner import edits as E
    from planner.season import Calendar, Session
    from tests.planner.test_xlsx_export import END, START, _day, small_plan, small_season
    from ui.desktop.handouts import _day_cells

    season = small_season(calendar=Calendar(start=START, end=END, today=_day(7)))
    season = E.LogSessions(sessions=(
        Session(athlete="A1", date=_day(1), minutes=60.0, rpe=0.0),
        Session(athlete="A1", date=_day(3), minutes=0.0, rpe=7.0))).apply(season)
    (hw,) = handout_weeks(season, small_plan(season), ["A1"], [0])
    days = {d.date: _day_cells(d).values for d in hw.days}
    assert days[_day(1)][6:9] == ("60", "0", "0")
    assert days[_day(3)][6:9] == ("0", "7", "0")


def test_the_match_an_injury_happened_in_reads_as_the_match_never_a_rehab_sprint():
    """Review 251: a player hurt in a match he started (60 min, top speed 96 %, pain 6), his
    injury recorded with onset and P1 that day. The plan keeps the logged 95 % in P1 (no breach,
    rules-spec section 9), and every page said the day as a P1 sprint session: the handout's
    "Planned: Rehab P1: 4 × 30 m at 100 %", the plan JSON's "rehab-speed". The day reads as the
    match played, injured that day, on the handout and workbook row, the calendar, the
    Inspector and 'periodize explain' (one prescription), and the plan JSON's session is the
    match's."""
    import re

    from planner import edits as E
    from planner.check import check_plan
    from planner.handout import day_texts
    from planner.season import Session
    from planner.sessions import Prescriber, shown_session
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=3, athletes=3)
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    assert s.plan.for_athlete("A2").intensity[5] == 100  # planned to start Match 1
    lived = E.AdvanceToday(today=day(7), accepted=()).apply(s)
    lived = E.LogSessions(sessions=(
        Session(athlete="A2", date=day(5), minutes=60, rpe=8, top_speed_pct=96,
                minutes_played=60, pain=6),)).apply(lived)
    lived = lived.model_copy(update={"injuries": lived.injuries + (
        injury("A2", "P1", start_day=5, onset_day=5),)})
    plan = solve(SolveRequest(lived, time_limit=30)).plan
    assert check_plan(lived, plan).violations == ()
    ap = plan.for_athlete("A2")
    assert (ap.stages[5], ap.intensity[5]) == ("P1", 95)  # what was logged, in the recorded stage
    cap = load_protocol("iliopsoas-tendinopathy").cap("P1")

    def sprint_above_cap(words: str) -> bool:  # a rehab session, or a run above the stage's cap
        return bool(re.search(r"Rehab [PS]\d\b(?! starts)", words)) or any(
            int(x) > cap for x in re.findall(r"at (\d+)\s%", words))

    planned = lived.model_copy(update={"plan": plan})
    p = Prescriber(planned, plan)
    got = p.day("A2", 5)
    assert got.as_logged and got.session == "match-start" and got.speed_ms is None
    assert got.summary == "Match 1: played 60 min (logged), injured that day"
    assert not sprint_above_cap(f"{got.name} {got.summary} {got.content}")
    assert session_ids(planned, plan)["A2"][5] == "match-start"  # the plan JSON's session
    shown = shown_session(p, plan, "A2", 5)  # the Inspector's and explain's Session row
    assert shown is not None and shown.summary == got.summary
    (week,) = Handouts(planned, plan).weeks("A2", [0])
    row = day_texts(next(d for d in week.days if d.date == day(5)))  # the handout and the workbook
    said = f"{row.summary} {row.what} {row.speed} {row.limits}"
    assert not sprint_above_cap(said), said
    assert "the match the injury happened in" in row.what.lower(), row.what
    assert "Planned: Match: Match 1 (start)." in row.what, row.what
    from planner.ical import athlete_calendar

    cal = athlete_calendar(planned, plan, "A2").to_ical().decode().replace("\r\n ", "")
    events = [e for e in cal.split("BEGIN:VEVENT")[1:]
              if f"DTSTART;VALUE=DATE:{day(5):%Y%m%d}" in e]
    assert events and not any(sprint_above_cap(e) for e in events), events


def test_a_rehab_player_s_deload_week_says_the_rehab_sessions_keep_their_length():
    """Review 251: a player in rehab all week read "Deload week: … at most 1 speed day" on his
    handout while the week carried more load than the load week before it (rehab sessions keep
    their length in a deload week). The line says it is the team's deload: a speed day fewer,
    the rehab sessions as long, the week's load not necessarily lower."""
    from solver import SolveRequest, solve
    from tests.builders import injury, season

    s = season(weeks=8, athletes=3, injuries=(injury("A1", "P2", start_day=-3),))
    plan = solve(SolveRequest(s, time_limit=30)).plan
    tl = Timeline(s)
    cap = int(RuleSet(s.rules).value("HV-2", "max_speed_days_deload"))
    ap = plan.for_athlete("A1")
    rehab = [w for w in range(len(tl.weeks)) if ap.weeks[w] == "deload"
             and all(ap.stages[i] not in (FIT, "INJ") for i in tl.weeks[w].days)]
    assert rehab, ap.weeks
    for to_player in (False, True):
        for w in Handouts(s, plan, to_player=to_player).weeks("A1", rehab):
            assert w.kind_text == (f"Team deload week: at most {text.plural(cap, 'speed day')}; "
                                   f"your rehab sessions keep their length, so your week's load "
                                   f"need not be lower"), w.kind_text


def test_a_rehab_player_s_own_deload_in_a_team_load_week_is_not_called_the_team_s():
    """Review 263 F2: Kofi Mensah's and Isaac Boateng's handouts read "Team deload week: at most
    1 speed day; your rehab sessions keep their length…" in weeks the team was on a load week
    (plan.json's team_weeks: load); only their own week was a deload. A deload week wholly in
    rehab that is not the team's says it is the player's own and what the team's is; "Team
    deload week" is said only when the team deloads."""
    season = solved_demo()
    plan, tl = season.plan, Timeline(season)
    seen = set()
    for aid in ("A07", "A19"):
        ap = plan.for_athlete(aid)
        rehab = [w for w in range(len(tl.weeks))
                 if all(ap.stages[i] not in (FIT, "INJ") for i in tl.weeks[w].days)]
        for to_player in (False, True):
            for hw in Handouts(season, plan, to_player=to_player).weeks(aid, rehab):
                own, team = ap.weeks[hw.week - 1], plan.team_weeks[hw.week - 1]
                seen.add((own, team))
                head = hw.kind_text.split(":")[0]
                if own != "deload":  # the player's week, the team's named nowhere
                    assert head == f"{own.capitalize()} week", hw.kind_text
                elif team == "deload":
                    assert head == "Team deload week", hw.kind_text
                else:
                    assert head == f"Your deload week (the team's week is a {team} week)", \
                        hw.kind_text
                    assert "rehab sessions keep their length" in hw.kind_text
    # the demo's rehab players have deload weeks of their own in the team's load weeks
    assert ("deload", "load") in seen, seen


def _week_alone_and_from_the_season(season, athletes, weeks):
    """Each (athlete, week)'s handout made alone (no other day of the athlete made before it)
    and made from the season's every day (the athlete's days all made first, as before they
    were made when read): pairs to compare, and the most days a week made alone made."""
    whole = Handouts(season, season.plan, to_player=True)
    alone = Handouts(season, season.plan, to_player=True)
    pairs, most = [], 0
    for aid in athletes:
        whole._days[aid] = whole.p.athlete(aid)  # the season's days, as the handout read them
        for w in weeks:
            alone._days.pop(aid, None)  # none of the athlete's days made yet
            pairs.append(((aid, w), alone.weeks(aid, [w]), whole.weeks(aid, [w])))
            most = max(most, alone.sessions(aid).made())
    return pairs, most


def test_a_weeks_handout_makes_its_days_not_the_seasons_and_is_the_same():
    """Handouts of one week made every athlete's sessions of the whole season (14,560 days for
    40 athletes, 2.4 s with the window frozen) to print 7 days. Now a week's days are made
    when read; the page is the one the season's days give, for the fit and the injured (a rehab
    ladder, a return's RAMP, the match days around), every week of the demo's injured and a fit
    player's."""
    season = solved_demo()
    tl = Timeline(season)
    injured = sorted({r.athlete for r in season.injuries})
    fit = next(a.id for a in season.athletes if a.id not in injured)
    pairs, most = _week_alone_and_from_the_season(season, [*injured, fit], range(len(tl.weeks)))
    for key, alone, from_season in pairs:
        assert len(alone) == 1 and alone == from_season, key
    assert most <= 3 * 7, most  # the week's days and a few its lines look at, not 364


def test_a_flare_up_weeks_handout_alone_is_the_one_the_season_gives():
    """A flare-up (its calm days, the stage stepped down) and a past logged with today moved:
    each week's handout made alone is the one made from the season's days."""
    from solver import SolveRequest, solve
    from tests.builders import day, injury, season

    s = season(weeks=4, athletes=2, injuries=(injury("A1", "S1", start_day=-3, flare_days=(7,)),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    moved = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(10)})})
    for lived in (s, moved):
        pairs, _most = _week_alone_and_from_the_season(lived, ["A1", "A2"], range(4))
        for key, alone, from_season in pairs:
            assert len(alone) == 1 and alone == from_season, key
        assert any(d.session.context == "flare-up" for _k, (w,), _s in pairs for d in w.days)
