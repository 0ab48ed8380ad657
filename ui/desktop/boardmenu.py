"""The board's context menu for one athlete-day: pins, unpins and manual changes.

``cell_menu`` builds the menu; each action carries the ``planner.edits`` edit it stands for in
``action.data()`` and ``menu.triggered`` hands it to ``apply``. Tests trigger the actions
directly (no popup).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from planner import edits as E
from planner.errors import PeriodizeError
from planner.rehab import FLARE_BACK, governing
from planner.rules import CALM_CAP
from planner.season import LEVELS, IntensityPin, Season, StagePin, Unavailability, WeekPin
from planner.squad import NOT_PLANNED, not_planned_error, plan_row
from planner.text import day as day_text
from planner.text import join_and
from planner.timeline import Timeline

ROLE_MENU = {"start": "Start (plays, 100 %)", "bench": "Bench (a substitute's sprints, 80 %)",
             "out": "Out of the squad (trains; compensation session after)"}


def role_menu(season: Season, athlete: str, competition: str) -> dict[str, str]:
    """:data:`ROLE_MENU` for one athlete and competition: on a day he plays another competition
    of (a tournament's M1 and M2 on Saturday), out of this one he neither trains nor has a
    compensation session after it, so Out says the match he plays instead."""
    c = season.competition(competition)
    plays = [] if c is None else [
        x.name for x in season.competitions
        if x.id != c.id and x.date <= c.last and c.date <= x.last
        and season.role_of(athlete, x.id) in ("start", "bench")]
    if not plays:
        return ROLE_MENU
    named = join_and([f"'{n}'" for n in plays])
    return {**ROLE_MENU, "out": f"Out of this match (plays {named} that day)"}


# 0 % is no day off: on a training day a fit athlete has a recovery session (no running) and
# one in rehab their stage's session; the cell menu and the what-if dialog name the one the day
# gives (ZERO_TEXT), the shared list says only what 0 % is
LEVEL_TEXT = {0: "0 % — no running", 60: "60 %", 70: "70 %",
              80: "80 % (speed day)", 90: "90 % (high velocity)", 95: "95 %", 100: "100 % (max)"}
ZERO_TEXT = {"recovery": "0 % — recovery session, no running",
             "rehab": "0 % — rehab session, no running", None: LEVEL_TEXT[0]}


def zero_session(stage: str | None, tl: Timeline, i: int, athlete: str) -> str | None:
    """The session a day at 0 % still holds: ``recovery`` (a fit athlete's training day),
    ``rehab`` (a stage's training day), or None (no session: injured, away, no training)."""
    if stage is None or stage == "INJ" or i in tl.unavailable(athlete):
        return None
    if stage == "FIT":
        return "recovery" if tl.trains(i, True, False) else None
    return "rehab" if tl.trains(i, False, False) else None


def level_texts(season: Season, athlete: str, day: dt.date) -> dict[int, str]:
    """:data:`LEVEL_TEXT` with its 0 % entry named for what the day gives at 0 % (the plan's
    stage; "a recovery session" for a fit athlete's, "no running" on a day without one)."""
    from planner.rehab import athlete_stage_on

    tl = Timeline(season)
    i = tl.index(day)
    if i is None:
        return {**LEVEL_TEXT, 0: ZERO_TEXT[None]}
    ap = plan_row(season.plan, athlete)  # a placeholder's FIT is not his stage: his records are
    stage = ap.stages[i] if ap is not None and len(ap.stages) == tl.n else \
        athlete_stage_on(season.injuries_of(athlete), day)
    return {**LEVEL_TEXT, 0: ZERO_TEXT[zero_session(stage, tl, i, athlete)]}


# which of the two to use, said in the entries themselves (a submenu opens before a tooltip
# shows): a pin stays through every solve; a manual change is the plan's, until a solve changes it
PIN_MENU = "Pin &intensity (kept by every solve)"
MANUAL_MENU = "Set &planned intensity (by hand; a solve may change it)"
PIN_TIP = ("Keep this level on this day through every solve: the solver must plan it (PIN, a hard "
           "rule). A pin the plan does not follow yet is flagged until you solve again (F5).")
MANUAL_TIP = ("Change this day of the plan now, by hand (Plan Check says what it breaks). The next "
              "solve may change it again; to keep a level through every solve, pin it instead.")
NO_PLAN_TIP = "No planned day to change here yet: solve first (F5). A pin works without a plan."


def _explain(sub: QMenu, tip: str) -> None:
    """``tip`` as the tooltip of a submenu's entry (shown where the submenu does not open over
    it: a greyed one)."""
    sub.menuAction().setToolTip(tip)


ZERO_TIP = ("No running. On a training day the athlete still has a session: a fit athlete's "
            "recovery session (the ring on the board), the rehab session in rehab. For a day with "
            "no session at all, mark the athlete unavailable.")


def _act(menu: QMenu, text: str, edit, checked: bool | None = None) -> QAction:
    a = menu.addAction(text)
    a.setData(edit)
    if text in ZERO_TEXT.values():
        a.setToolTip(ZERO_TIP)
    if checked is not None:
        a.setCheckable(True)
        a.setChecked(checked)
    return a


def cell_pins(season: Season, athlete: str, day: dt.date) -> list:
    """The pins that concern this athlete-day: its intensity pin, its week's pins (own and
    the team's) and a stage start pinned on this day."""
    tl = Timeline(season)
    w = tl.week_index_of_date(day)
    out = []
    for p in season.pins:
        if p.kind == "intensity" and p.athlete == athlete and p.date == day:
            out.append(p)
        elif p.kind == "week" and p.athlete in (None, athlete) and tl.week_index_of_date(p.week) == w:
            out.append(p)
        elif p.kind == "stage_start" and p.athlete == athlete and p.date == day:
            out.append(p)
    return out


def cell_menu(season: Season, athlete: str, day: dt.date,
              apply: Callable[[object], None] | None = None,
              parent: QWidget | None = None) -> QMenu:
    """The menu of one cell. With ``apply``, choosing an action calls ``apply(edit)``."""
    menu = QMenu(parent)
    menu.setAccessibleName("Cell menu")
    menu.setToolTipsVisible(True)  # why an action is greyed
    head = menu.addAction(f"{season.athlete_label(athlete)} · {day_text(day)}")
    head.setEnabled(False)
    pins = cell_pins(season, athlete, day)
    pinned = {p.kind + ("team" if p.kind == "week" and p.athlete is None else ""): p for p in pins}
    _intensity_pins(menu, season, athlete, day, pinned.get("intensity"))
    _week_pins(menu, season, athlete, day, pinned)
    _stage_pins(menu, season, athlete, day, pinned.get("stage_start"))
    if pins:
        menu.addSeparator()
        for p in pins:
            text = E.AddPin(pin=p).describe(season)
            _act(menu, "Un" + text[0].lower() + text[1:], E.RemovePin(pin=p))
    menu.addSeparator()
    _match_roles(menu, season, athlete, day)
    _flare_up(menu, season, athlete, day)
    _manual_changes(menu, season, athlete, day)
    if apply is not None:
        _connect(menu, apply)
    return menu


def _intensity_pins(menu: QMenu, season: Season, athlete: str, day: dt.date, cur) -> None:
    """The levels a pin can hold on the day; the others are shown disabled, with the reason
    (the stage cap the athlete can reach by then, a day away or without training, the past)."""
    from ui.desktop.rehabview import pin_header, pin_limit

    sub = menu.addMenu(PIN_MENU)
    sub.setToolTipsVisible(True)  # what 0 % means; why a level is out of reach
    _explain(sub, PIN_TIP)
    limit = pin_limit(season, athlete, day)
    if limit is not None:
        note = sub.addAction(pin_header(season, athlete, day) or "")
        note.setEnabled(False)
        sub.addSeparator()
    texts = level_texts(season, athlete, day)
    for lv in LEVELS:
        a = _act(sub, texts[lv], E.AddPin(pin=IntensityPin(athlete=athlete, date=day,
                                                                 intensity=lv)),
                 checked=cur is not None and cur.intensity == lv)
        if limit is not None and lv > limit[0]:
            a.setEnabled(False)
            a.setToolTip(limit[1])


def _week_pins(menu: QMenu, season: Season, athlete: str, day: dt.date, pinned: dict) -> None:
    """The kind of the athlete's own week and of the team's week."""
    tl = Timeline(season)
    w = tl.week_index_of_date(day)
    week_first = tl.days[tl.weeks[w].first] if w is not None else day
    who = season.athlete(athlete).name if season.athlete(athlete) else athlete
    # the team's week under way keeps the kind its first days were lived as (the command line's
    # --pin-week refuses another): offered, another kind led to a search ending in "no plan"
    from planner.scenarios import week_lived

    lived = week_lived(season, tl, w) if w is not None else None
    for title, owner, kinds, cur in (
            (f"Pin &week kind for {who}", athlete, ("load", "deload"), pinned.get("week")),
            ("Pin week kind for the &team", None, ("load", "deload", "taper"), pinned.get("weekteam"))):
        sub = menu.addMenu(title)
        for kind in kinds:
            a = _act(sub, kind, E.AddPin(pin=WeekPin(athlete=owner, week=week_first, week_kind=kind)),
                     checked=cur is not None and cur.week_kind == kind)
            if owner is None and lived is not None and kind != lived:
                a.setEnabled(False)
                a.setText(f"{kind} (the week is under way, lived as a {lived} week so far)")


def _stage_pins(menu: QMenu, season: Season, athlete: str, day: dt.date, cur) -> None:
    """A stage of the athlete's rehab starts on this day (only an injured athlete has stages)."""
    inj = season.injury_of(athlete)
    sub = menu.addMenu("Pin &stage start here")
    if inj is None:
        sub.setEnabled(False)
        sub.setToolTip("Only an injured athlete has rehab stages")
        return
    from planner.protocols import load_protocol

    try:
        stages = list(load_protocol(inj.protocol).stage_ids) + ["FIT"]
    except PeriodizeError:
        stages = ["FIT"]
    from planner.rehab import earliest_start

    for st in stages:
        text = f"{st} starts on this day" if st != "FIT" else "back to FIT on this day"
        a = _act(sub, text, E.AddPin(pin=StagePin(athlete=athlete, stage=st, date=day)),
                 checked=cur is not None and cur.stage == st)
        first = earliest_start(season, athlete, st)
        if first is not None and day < first:
            a.setEnabled(False)
            a.setText(f"{text} (not before {day_text(first)}: the minimum days)")


def refusal(season: Season, edit) -> str | None:
    """Why the season would refuse ``edit`` (None: it is accepted)."""
    try:
        edit.apply(season)
    except PeriodizeError as e:
        return "; ".join(e.problems) if getattr(e, "problems", None) else str(e)
    return None


def _flare_up(menu: QMenu, season: Season, athlete: str, day: dt.date) -> None:
    """Record a flare-up on this day (RH-FL keeps it and the calm days after it free of
    speed work); greyed, with the reason, where the season would refuse it."""
    from planner.progress import flare_note

    # the day's logged pain and notes kept with it, as a flare-up recorded from the Log keeps them
    edit = E.RecordFlareUp(athlete=athlete, date=day, note=flare_note(season, athlete, day))
    a = _act(menu, "Record &flare-up on this day", edit)
    why = refusal(season, edit)
    later = E.flare_up_not_yet(season, day)
    short = _flare_short(season, athlete, day)
    if why is None and later is not None:  # a guess stored as fact: a what-if plans it
        why = f"{later}; What-if ▸ New Scenario shows what it would change"
        short = "after today: try it as a what-if"
    if why is not None:  # the reason in the tooltip: inline it made the menu 1,000 px wide
        a.setEnabled(False)
        a.setText(f"Record &flare-up on this day ({short})")
        why = why[:1].upper() + why[1:]
        a.setToolTip(why)
        a.setStatusTip(why)
    else:
        a.setToolTip(f"Symptoms came back: from this day {FLARE_BACK}; no running today "
                     f"and at most {CALM_CAP} % on the calm days after it")


def _flare_short(season: Season, athlete: str, day: dt.date) -> str:
    """Why a flare-up on ``day`` is refused, short enough for the menu item's text (the whole
    reason is its tooltip): "(not possible here)" left the coach to hover for it."""
    records = season.injuries_of(athlete)
    if not records:
        return "no injury on record"
    inj = governing(records, day)
    if inj is None:
        return "a day before the injury"
    if day in inj.flare_ups:
        return "one is recorded that day"
    if day <= inj.stages[0].start:
        return "before the rehab started" if day < inj.stages[0].start else "the rehab starts that day"
    if day > season.calendar.end:
        return "after the season's end"
    return "not possible here"


def _match_roles(menu: QMenu, season: Season, athlete: str, day: dt.date) -> None:
    """On a competition day: the athlete's role for each competition of the day."""
    for c in season.competitions:
        if not c.date <= day <= c.last:
            continue
        sub = menu.addMenu(f"&Role for '{c.name}'")
        cur = next((r.role for r in season.roles
                    if r.athlete == athlete and r.competition == c.id), None)
        default = season.athlete(athlete).role if season.athlete(athlete) else "start"
        for role, words in role_menu(season, athlete, c.id).items():
            _act(sub, words, E.SetRole(competition=c.id, athlete=athlete, role=role),
                 checked=cur == role)
        _act(sub, f"Default role ({default})", E.SetRole(competition=c.id, athlete=athlete,
                                                         role=None), checked=cur is None)


def _manual_changes(menu: QMenu, season: Season, athlete: str, day: dt.date) -> None:
    """Changes of the plan itself (the plan check shows what they break) and unavailability."""
    sub = menu.addMenu(MANUAL_MENU)
    sub.setToolTipsVisible(True)
    tl = Timeline(season)
    ap = plan_row(season.plan, athlete)  # a placeholder until a solve is no plan to change
    i = tl.index(day)
    if (why := not_planned_error(season, athlete)) is not None:
        sub.setEnabled(False)
        sub.setTitle(f"{MANUAL_MENU.split(' (')[0]} ({NOT_PLANNED})")
        _explain(sub, f"{why[:1].upper()}{why[1:]}. A pin works without a plan.")
    elif ap is None or i is None or len(ap.intensity) != tl.n:
        sub.setEnabled(False)
        _explain(sub, NO_PLAN_TIP)
    else:
        _explain(sub, MANUAL_TIP)
        texts = level_texts(season, athlete, day)
        for lv in LEVELS:
            _act(sub, texts[lv], E.SetDayIntensity(athlete=athlete, date=day, intensity=lv),
                 checked=ap.intensity[i] == lv)
    from planner.scenarios import past_change_problem

    away = any(u.athlete == athlete and u.start <= day <= u.end for u in season.unavailability)
    edit = E.AddUnavailability(unavailability=Unavailability(athlete=athlete, start=day, end=day))
    a = _act(menu, "&Mark unavailable on this day", edit)
    a.setEnabled(not away)
    past = past_change_problem(season, edit)
    if past is not None and not away:  # what the command line's 'record' refuses too
        a.setEnabled(False)
        a.setText("&Mark unavailable on this day (not possible: the day is past)")
        a.setToolTip(past)


def _connect(menu: QMenu, apply: Callable[[object], None]) -> None:
    # Each action on its own: a programmatic trigger() of a submenu action does not reach the
    # parent menu's triggered signal.
    for a in menu.actions():
        if a.menu() is not None:
            _connect(a.menu(), apply)
        else:
            edit = a.data()
            if isinstance(edit, E.Edit):
                a.triggered.connect(lambda _checked=False, edit=edit: apply(edit))


def find_action(menu: QMenu, text: str) -> QAction | None:
    """The first action (in submenus too) whose text starts with ``text``."""
    for a in menu.actions():
        if a.menu() is not None:
            found = find_action(a.menu(), text)
            if found is not None:
                return found
        elif a.text().replace("&", "").startswith(text):
            return a
    return None
