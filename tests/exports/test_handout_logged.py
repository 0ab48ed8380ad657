"""The handout of a week partly logged (planner/handout.py): its Week row, its header and its Load
line say one account of the week, the one ``periodize load`` gives (Reviews 263 and 264)."""

from __future__ import annotations

from planner import edits as E
from planner.handout import Handouts, handout_weeks
from planner.load import figures
from planner.season import Session
from planner.timeline import Timeline
from planner.xlsx_load import week_line
from tests.exports.test_handout import _two_match_deload


def _size(load: float, around: list[float]) -> str:
    """``3 % above``: ``load`` against the mean of ``around``, in a sentence's words."""
    change = round(100 * (load / (sum(around) / len(around)) - 1))
    return f"{abs(change)} % {'below' if change < 0 else 'above'}" if change else "as much as"


def _logged_deload(days: tuple[int, ...], today: int):
    """The two-match deload (week 2 of 3, days 7-13) with today on day ``today`` and the starter
    A1's sessions logged on ``days``, 40 min at RPE 5 (200 AU) each."""
    s = _two_match_deload()
    tl = Timeline(s)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[today]})})
    return E.LogSessions(sessions=tuple(Session(athlete="A1", date=tl.days[d], minutes=40, rpe=5)
                                        for d in days)).apply(s)


def test_a_deload_partly_logged_counts_todays_session_and_says_the_days_counted_as_planned():
    """Review 263 F1: Kofi Mensah's week read "as logged, 2,000 AU" beside the Load line's
    "logged 330 AU. Week load 2,090 AU": the figure left out today's logged session, and read as
    a week logged when only Monday was. The Week row now gives the week's load as the load figures
    count it (today's session at once, the days not logged at their plan) and says which days
    count as planned; its logged figure and load are the Load line's, on the handout and on the
    workbook's week page."""
    # Monday and today (Thursday) logged, Tuesday (a session planned) not, the rest to come
    s = _logged_deload((7, 10), today=10)
    fig = figures(s)["A1"]
    for to_player in (True, False):
        (hw,) = Handouts(s, s.plan, to_player=to_player).weeks("A1", [1])
        k = next(k for k, w in enumerate(fig.weeks) if w.start == hw.first)
        wf, around = fig.weeks[k], (fig.weeks[k - 1], fig.weeks[k + 1])
        assert wf.logged == 400  # Monday's 200 AU and today's
        assert wf.load > hw.planned_load == wf.planned  # today's 200 AU above its activation day
        planned = _size(wf.planned, [w.planned for w in around])
        lived = _size(wf.load, [w.load for w in around])
        assert (f"your week was planned {planned} the load weeks around it "
                f"({wf.planned:,.0f} AU); counting the 400 AU logged and the days not logged and "
                f"the days to come as planned, {wf.load:,.0f} AU, {lived} the load weeks around "
                f"it") in hw.kind_text, hw.kind_text
        assert "as logged" not in hw.kind_text
        # the workbook's week page: the Load line below says the same figures
        line = week_line(fig, hw.first, hw.load_text)
        assert "logged 400 AU (+ " in line and f"). Week load {wf.load:,.0f} AU" in line, line
    # every past day logged, today too: the rest of the week is still to come
    s = _logged_deload((7, 8, 9, 10), today=10)
    (hw,) = handout_weeks(s, s.plan, ["A1"], [1])
    (wf,) = [w for w in figures(s)["A1"].weeks if w.start == hw.first]
    assert f"; counting the 800 AU logged and the days to come as planned, {wf.load:,.0f} AU, " \
           in hw.kind_text, hw.kind_text
    # the whole week logged: as logged, the load the figures give
    s = _logged_deload(tuple(range(7, 14)), today=14)
    (hw,) = handout_weeks(s, s.plan, ["A1"], [1])
    (wf,) = [w for w in figures(s)["A1"].weeks if w.start == hw.first]
    assert wf.load == wf.logged == 7 * 200
    assert "; as logged, 1,400 AU, " in hw.kind_text, hw.kind_text


def test_the_header_of_a_week_with_todays_session_logged_counts_today_as_logged():
    """Review 264 F3: Marco Ruiz's handout was headed "As logged to Wed 30 Sep, planned from Thu
    1 Oct" while Thursday, today, had its session logged, its row "Logged: 75 min, RPE 5" and the
    Load line counting it. With today's session logged the header says the logged days run to
    today and the plan from the day after, as the rows do; without one, to the day before."""
    from planner import text
    from planner.handout import day_texts

    s = _logged_deload((7, 10), today=10)  # Monday and today (Thursday) logged
    tl = Timeline(s)
    thu, fri = text.day(tl.days[10]), text.day(tl.days[11])
    for to_player in (True, False):
        h = Handouts(s, s.plan, to_player=to_player)
        (hw,) = h.weeks("A1", [1])
        assert hw.title.endswith(f" · as logged to {thu}, planned from {fri}"), hw.title
        # today's row says it is logged, the next one is the plan's
        assert day_texts(hw.days[3]).summary.startswith("Logged: 40\u00a0min, RPE 5")
        assert not day_texts(hw.days[4]).summary.startswith("Logged")
        assert hw.speed_label == "Done and planned"
        # nothing logged today: the logged days run to yesterday, the plan from today
        (other,) = h.weeks("A2", [1])
        assert other.title.endswith(f" · nothing logged, as planned to {text.day(tl.days[9])}, "
                                    f"planned from {thu}"), other.title
    # today the week's first day, its session logged: the header says so too (it said nothing)
    s = _logged_deload((7,), today=7)
    (hw,) = handout_weeks(s, s.plan, ["A1"], [1])
    assert hw.title.endswith(f" · as logged to {text.day(tl.days[7])}, planned from "
                             f"{text.day(tl.days[8])}"), hw.title
    assert hw.speed_label == "Done and planned"
    (other,) = handout_weeks(s, s.plan, ["A2"], [1])
    assert other.title == other.heading and other.speed_label == "Planned"


def _logged_a1(logs: tuple[tuple[int, int, int], ...], today: int):
    """The two-match deload with today on day ``today`` and A1's sessions logged as (day,
    minutes, RPE)."""
    s = _two_match_deload()
    tl = Timeline(s)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[today]})})
    return E.LogSessions(sessions=tuple(Session(athlete="A1", date=tl.days[d], minutes=m, rpe=r)
                                        for d, m, r in logs)).apply(s)


def _ld1(s, day) -> list[str]:
    from planner.why import why_week

    return [r.text for r in why_week(s, s.plan, "A1", day).reasons if r.rule == "LD-1"]


def test_the_why_of_a_partly_logged_week_says_the_days_counted_as_planned():
    """Review 266 F1: with only Monday logged, the Inspector and ``periodize explain`` read "as
    logged, 1170 AU" and "Load 1170 AU (the logged sessions counted; planned 1170 AU)", the
    plan's days said as logged. They now say the handout's words: the AU logged and the days to
    come counted as planned. A session logged today counts from the next day there (as LD-1
    does): Tuesday's log, today, is not in the logged figure."""
    from planner.loadtable import lighter_than_around, lived_load

    # Monday logged at 200 AU (180 planned), today Tuesday logged too
    s = _logged_a1(((7, 40, 5), (8, 40, 5)), today=8)
    tl = Timeline(s)
    series = lived_load(s, s.plan, "A1")
    wl = series.week_of(tl.days[7])
    lt = lighter_than_around(series, wl)
    assert wl.logged == 200 and wl.load != wl.planned
    said = _ld1(s, tl.days[7])
    counted = "counting the 200 AU logged and the days to come as planned"
    assert any(t.startswith(f"This week's planned load, {wl.planned:.0f} AU, is ")
               and f"({lt.planned_around:.0f} AU); {counted}, {wl.load:.0f} AU, " in t
               for t in said), said
    assert f"Load {wl.load:.0f} AU ({counted}; planned {wl.planned:.0f} AU)" in " ".join(said), said
    assert not any("as logged" in t or "logged sessions counted" in t for t in said), said
    # the whole week logged: as logged
    s = _logged_a1(tuple((d, 40, 5) for d in range(7, 14)), today=14)
    said = " ".join(_ld1(s, tl.days[7]))
    assert "; as logged, 1400 AU, " in said and "Load 1400 AU (as logged; planned " in said, said


def test_a_week_logged_at_its_plan_says_its_figure_once():
    """Review 266 F4: Monday logged at its plan (45 min at RPE 4, 180 AU), the handout read "your
    week was planned 1 % below the load weeks around it (2,240 AU); counting the 180 AU logged and
    the days to come as planned, 2,240 AU, 1 % below the load weeks around it": the same figure
    twice. The second clause is said only when it differs; the why says it once too."""
    s = _logged_a1(((7, 45, 4),), today=8)
    tl = Timeline(s)
    (wf,) = [w for w in figures(s)["A1"].weeks if w.start == tl.days[7]]
    assert wf.load == wf.planned and wf.logged == 180
    (hw,) = handout_weeks(s, s.plan, ["A1"], [1])
    assert (f"your week was planned 1 % below the load weeks around it ({wf.planned:,.0f} AU), as "
            f"it stands with the 180 AU logged — ") in hw.kind_text, hw.kind_text
    assert hw.kind_text.count(f"{wf.planned:,.0f} AU") == 1, hw.kind_text
    from planner.loadtable import lighter_than_around, lived_load

    series = lived_load(s, s.plan, "A1")
    lt = lighter_than_around(series, series.week_of(tl.days[7]))
    said = _ld1(s, tl.days[7])
    assert any(t.startswith(f"This week's planned load, {wf.planned:.0f} AU, is 1 % below the load "
                            f"weeks around it as planned ({lt.planned_around:.0f} AU), as it "
                            f"stands with the 180 AU logged") for t in said), said
    assert f"Load {wf.load:.0f} AU (counting the 180 AU logged and the days to come as planned)" \
        in " ".join(said), said
