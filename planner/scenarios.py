"""What-if scenarios: a named list of edits replayed on the baseline, with its own plan, and the
comparison of two plans that a coach reads before a tournament."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from planner import text
from planner.check import check_plan
from planner.edits import edit_from_dict, scenario_season
from planner.errors import InputError, PeriodizeError
from planner.rules import RULES, RuleSet
from planner.season import FIT, Plan, Scenario, Season, basis_changes, log_basis
from planner.text import count, date_long, date_short, join_and, number, plural
from planner.timeline import Timeline
from planner.validate import now_words, planning_start


def past_words(season: Season) -> str:
    """What is said of a day before today, after the day itself: the past keeps what happened
    (a change there is refused, in the app, ``periodize whatif`` and ``periodize record``)."""
    return f"is before {now_words(season)}: the past keeps what happened"


def next_season_words(season: Season) -> str:
    """Where a change after the season's last day goes (an absence into the close season): the
    next season, and the way to it."""
    end = season.calendar.end
    ends = "ended" if planning_start(season) > end else "ends"
    return (f"the season {ends} on {date_long(end)}, so enter it in the next season "
            f"(File ▸ New ▸ Next season after “{season.name}”, or periodize next-season), then "
            f"record it there")


def past_change_problem(season: Season, edit) -> str | None:
    """Why a change cannot be tried, when it rewrites a competition, an absence or a day off before
    today: a match played (or not), a day away and a day off are what happened, and a re-plan
    plans from today on. None: it can."""
    from planner import edits as E
    from planner.validate import planning_start

    if season.calendar.today is None:
        return None
    today, past = planning_start(season), past_words(season)
    if isinstance(edit, E.AddCompetition) and edit.competition.date < today:
        return f"{date_long(edit.competition.date)} {past}; add a competition from today on"
    if isinstance(edit, E.MoveCompetition | E.RemoveCompetition | E.UpdateCompetition):
        c = season.competition(edit.competition)
        if c is not None and c.date < today:
            return f"'{c.name}' ({date_long(c.date)}) {past}; change a competition still to come"
        new = getattr(edit, "date", None)
        if new is not None and new < today:
            return f"{date_long(new)} {past}; move it to today or later"
    if isinstance(edit, E.AddUnavailability) and edit.unavailability.start < today:
        # the season over (today after its last day): no day of it is left to record one on
        way = (next_season_words(season) if today > season.calendar.end
               else "record the absence from today on")
        return (f"{date_long(edit.unavailability.start)} {past}; {way} (a day gone by without "
                f"training is logged with 0 minutes)")
    if isinstance(edit, E.RemoveUnavailability) and 0 <= edit.index < len(season.unavailability):
        u = season.unavailability[edit.index]
        if u.end < today:  # wholly gone by: one begun before today keeps its past (the edit)
            return (f"{u.reason or 'The absence'} {text.span(u.start, u.end)} {past}; remove an "
                    f"absence that runs on to today or later")
    if isinstance(edit, E.LeaveSquad) and edit.leaves < today:
        return (f"{date_long(edit.leaves)} {past}; give today as their first day away (the days "
                f"since they went are logged with 0 minutes, or left unlogged)")
    # a day off (or one made a training day again) is the calendar as it was: 'record' refuses it
    off = edit.day.date if isinstance(edit, E.AddNonTrainingDay) else (
        edit.date if isinstance(edit, E.RemoveNonTrainingDay) else None)
    if off is not None and off < today:
        return (f"{date_long(off)} {past}; change a day from today on (a day gone by without "
                f"training is logged with 0 minutes)")
    return None


def week_lived(season: Season, tl: Timeline, w: int) -> str | None:
    """The kind the team's week ``w`` was lived as when it is under way (begun before today,
    not over) and the stored plan records it: a re-plan keeps that kind for the whole week (the
    solver's week kinds), so a pin of another kind leaves the season without a plan. None
    otherwise (the command line's --pin-week and the board's week pins refuse it)."""
    if season.calendar.today is None or season.plan is None:
        return None
    today = planning_start(season)
    first, last = tl.days[tl.weeks[w].first], tl.days[tl.weeks[w].last]
    kinds = season.plan.team_weeks
    if not first < today <= last or len(kinds) != len(tl.weeks):
        return None
    return kinds[w]


def stage_pin_problem(season: Season, edit) -> str | None:
    """Why a pin of a rehab stage's start cannot hold, as the board refuses the same drop: a day
    before today (the past keeps what happened) or before the protocol's minimum days let the
    stage start from the athlete's records. Such a pin leaves the season without a plan, and the
    solver's explanation could only name the pin. None: it can be tried."""
    from planner import edits as E
    from planner.rehab import earliest_start
    from planner.season import StagePin
    from planner.validate import planning_start

    if not isinstance(edit, E.AddPin) or not isinstance(edit.pin, StagePin):
        return None
    pin = edit.pin
    who = season.athlete_label(pin.athlete)
    what = "full training" if pin.stage == FIT else pin.stage
    if season.calendar.today is not None and pin.date < planning_start(season):
        return f"{who} cannot start {what} on {date_long(pin.date)}: it {past_words(season)}"
    first = earliest_start(season, pin.athlete, pin.stage)
    if first is not None and pin.date < first:
        return (f"{who} cannot start {what} before {date_long(first)}: the stages before it "
                f"last at least their protocol's minimum days from the injury records")
    return None


def past_role_problem(season: Season, edit) -> str | None:
    """Why a role cannot be tried for a match: it is over (before today), so the plan keeps what
    happened and the role changes nothing; asked in a what-if it was taken and planned as if it
    had been heeded. None: it can."""
    from planner import edits as E
    from planner.validate import planning_start

    if not isinstance(edit, E.SetRole) or season.calendar.today is None:
        return None
    c = season.competition(edit.competition)
    today = planning_start(season)
    if c is None or (c.end_date or c.date) >= today:
        return None
    return (f"'{c.name}' ({date_long(c.date)}) {past_words(season)}, so a role for it changes "
            f"nothing; set one for a match still to come")


ROLE_NOW = {"start": "in the starting line-up", "bench": "on the bench", "out": "out of the squad"}


def logged_since(season: Season) -> list[tuple[str, dt.date]]:
    """The (athlete, day)s logged otherwise since the season's plan was made (added, changed or
    cleared), in date order: the plan counts what they held then. Recorded on the plan
    (``Plan.logged_with``), so it holds after the season is saved and opened again; empty
    without a plan, or for one made before this was recorded."""
    plan = season.plan
    if plan is None or plan.logged_with is None:
        return []
    then, now = plan.logged_with, log_basis(season.sessions)
    if then == now:
        return []
    return sorted(((a, dt.date.fromisoformat(d)) for a in then.keys() | now.keys()
                   for d in then.get(a, {}).keys() | now.get(a, {}).keys()
                   if then.get(a, {}).get(d) != now.get(a, {}).get(d)),
                  key=lambda k: (k[1], k[0]))


def stale_plan_words(season: Season, broken: int, how: str = "") -> str:
    """What a scenario made or compared now would hide: the current plan breaks ``broken`` hard
    rules of the season as it is now (a flare-up recorded and not re-planned), or was made
    without athlete-days logged since (``logged_since``), so the scenario's re-plan makes that
    re-plan too and the comparison credits it to the scenario ("Leo Martin misses the target" for
    a priority change). ``how``: the way to re-plan first, in the words of the place. "" when neither. The app and ``periodize whatif`` say it alike."""
    n = broken if season.plan is not None else 0
    logged = len(logged_since(season))
    if not n and not logged:
        return ""
    if not logged:
        return (f"The current plan is not re-planned since the season changed (Plan Check: "
                f"{plural(n, 'violation')}): the comparison counts the re-plan too. {how} first "
                f"to see the scenario's changes alone.")
    # a past day logged otherwise read as the scenario's doing (another player's match)
    why = (f"The current plan is not re-planned since the season changed (Plan Check: "
           f"{plural(n, 'violation')}) and was made" if n else "The plan was made")
    return (f"{why} without {count(logged, 'athlete-day')} logged since: the comparison counts "
            f"the re-plan too. {how} first to see this change alone.")


def same_role_problem(season: Season, edit) -> str | None:
    """Why a role cannot be tried for a match: the athlete has it already, so a scenario of it
    changes nothing (stored as one all the same, "0 changed athlete-days", its objective read as
    a gain). None: it changes his role, or the edit is not a role (or names no such match or
    athlete: said by the edit itself)."""
    from planner import edits as E

    if not isinstance(edit, E.SetRole):
        return None
    c, a = season.competition(edit.competition), season.athlete(edit.athlete)
    if c is None or a is None:
        return None
    now = season.role_of(edit.athlete, edit.competition)
    if edit.apply(season).role_of(edit.athlete, edit.competition) != now:
        return None
    return f"{a.name} is {ROLE_NOW[now]} for {c.name} already: choose another role."


def matches_lost_to_injury(season: Season, athlete: str, day: dt.date) -> list:
    """The competitions on ``day`` the athlete plays (start or bench): an injury dated that day
    takes him out of them (in rehab from that day), which "hurt in Saturday's match" does not
    mean; the day after keeps the match played. A day before today with minutes played logged
    is not lost: the log says he played it, and the past keeps what happened (``record`` said
    "does not play it" of a final he logged 63 minutes in)."""
    played = day < planning_start(season) and any(
        x.athlete == athlete and x.date == day and (x.minutes_played or 0) > 0
        for x in season.sessions)
    return [] if played else [c for c in season.competitions if c.date <= day <= (c.end_date or c.date)
                              and season.role_of(athlete, c.id) in ("start", "bench")]


OVERTAKEN = "today has moved past it since the scenario was made"


def _first_past_change(season: Season, scenario: Scenario) -> tuple[str, str] | None:
    """(where, problem) of the first change of ``scenario`` dated before today (a match moved,
    now played), replaying its edits; None when there is none. InputError when an edit does not
    apply."""
    s = season.model_copy(update={"scenarios": ()})
    for i, e in enumerate(scenario.edits):
        where = f"scenario '{scenario.name}', edit {i + 1}"
        ed = edit_from_dict(e, where)
        problem = past_change_problem(s, ed)
        if problem is not None:
            return f"{where} ({ed.describe(s)})", problem
        try:
            s = ed.apply(s)
        except InputError as err:
            raise InputError(where, err.problems) from None
    return None


def check_scenario_today(season: Season, scenario: Scenario) -> None:
    """InputError when a change of ``scenario`` rewrites a competition before today: a scenario
    saved earlier whose change today has since passed (a match moved, now played)."""
    found = _first_past_change(season, scenario)
    if found is not None:
        raise InputError(found[0], [f"{found[1]}; {OVERTAKEN}: make a new scenario, or delete this one"])


def overtaken(season: Season, scenario: Scenario) -> str:
    """Why ``scenario`` can no longer apply, in a coach's words: one of its changes is dated
    before today, which keeps what happened, so re-planning it is refused. Empty when each change
    can still be tried (or an edit does not apply at all: the re-plan names that)."""
    try:
        found = _first_past_change(season, scenario)
    except PeriodizeError:
        return ""
    if found is None:
        return ""
    change = found[0].split(", ", 1)[1]  # "edit 1 (…)": the scenario is named by the caller
    return f"{change}: {found[1]}; {OVERTAKEN}"


def scenario_way_on(baseline: Season, after: Season, remedy) -> str | None:
    """A way on for a scenario's re-plan that found no plan (``solver.api.Remedy``), in its
    words: a pin the scenario adds is left out of it or lowered (a season's --unpin or its board
    does not reach it); a setting said as a solve of the season says it. None for a fact to
    record (a stage, a flare-up): it is recorded in the season, not in a scenario ("record that,
    and the season has a plan" beside a scenario's re-plan offered a record in the season)."""
    import re

    if remedy.records:
        return None
    if remedy.kind != "pin":
        return remedy.text
    day = dt.date.fromisoformat(remedy.date)
    pin = next((p for p in after.pins if p.kind == "intensity" and p.athlete == remedy.athlete
                and p.date == day), None)
    if pin is None or pin in baseline.pins:
        return remedy.text  # the season's own pin: removed from the season
    lower = re.search(r"lower it to (\d+) %", remedy.text)
    return (f"The scenario's pin of {pin.intensity} % on {text.day_long(day)} for "
            f"{after.athlete_label(pin.athlete)} cannot hold: make the scenario again without it"
            + (f", or with it at {lower.group(1)} %" if lower else "") + ", and it has a plan.")


def _last_day_reached(s: Season, edit) -> dt.date | None:
    """The last day a change reaches when it reaches only its own days (a pin, a role, an
    absence, a day off): a re-plan from a later today keeps what happened there, so it changes
    nothing. None for any other change (a flare-up, an injury or a rule reaches the future)."""
    from planner import edits as E

    if isinstance(edit, E.AddPin | E.RemovePin):
        pin = edit.pin
        if pin.kind == "week":
            tl = Timeline(s)
            w = tl.week_index_of_date(pin.week)
            return tl.days[tl.weeks[w].last] if w is not None else pin.week
        return pin.date if pin.kind == "intensity" else None
    if isinstance(edit, E.SetRole):
        c = s.competition(edit.competition)
        return (c.end_date or c.date) if c is not None else None
    if isinstance(edit, E.AddNonTrainingDay):
        return edit.day.date
    if isinstance(edit, E.RemoveNonTrainingDay):
        return edit.date
    if isinstance(edit, E.AddUnavailability):
        return edit.unavailability.end
    return None


def changes_nothing(season: Season, scenario: Scenario) -> str:
    """Why re-planning ``scenario`` can change nothing, in a coach's words: each of its changes
    reaches only days before today (a rest day pinned for a Friday now gone by), which keep what
    happened. Empty when one can change the plan (or an edit does not apply: the re-plan says so)."""
    if season.calendar.today is None or not scenario.edits:
        return ""
    today = planning_start(season)
    s = season.model_copy(update={"scenarios": ()})
    last: list[dt.date] = []
    for e in scenario.edits:
        try:
            ed = edit_from_dict(e, "")
            day = _last_day_reached(s, ed)
            if day is None or day >= today:
                return ""
            last.append(day)
            s = ed.apply(s)
        except PeriodizeError:
            return ""
    what = ("its change lies" if len(last) == 1 else
            f"all {len(last)} of its changes lie" if len(last) > 2 else "both its changes lie")
    return (f"{what} before today ({date_long(today)}), the last on {date_long(max(last))}, and "
            f"the past keeps what happened: re-planning it would change nothing")


def out_of_date(season: Season, scenario: Scenario, way_on: bool = True) -> str:
    """Why ``scenario``'s plan is out of date, in a coach's words: the parts of the season that
    changed since it was planned (another scenario adopted, a competition moved, a week logged).
    Empty when it is up to date, has no plan, or was planned before this was recorded.
    ``way_on``: ends with "re-plan it …" (left out when the caller says its own)."""
    changed = basis_changes(season, scenario)
    if not changed:
        return ""
    moves = _competition_changes(season, scenario)
    # which competitions, after "changed": "planned before the competitions ('Summer Cup'
    # changed) changed" said "changed" twice and not what changed
    said = f"{join_and(changed)} changed" + (
        f" ({moves})" if moves and "the competitions" in changed else "")
    return (f"planned before {said}, so its plan does not take "
            f"{'that change' if len(changed) == 1 else 'those changes'} into account"
            + ("; re-plan it to see it against the season as it is now" if way_on else ""))


def _competition_changes(season: Season, scenario: Scenario) -> str:
    """Which competitions changed since ``scenario`` was planned, in words ("'Cup final' moved
    from Sat 8 May to Sat 1 May"); empty when that was not recorded."""
    import json

    from planner.season import COMPETITION_DAYS

    try:
        then = {c[0]: c for c in json.loads((scenario.planned_for or {}).get(COMPETITION_DAYS, "[]"))}
    except (ValueError, TypeError, IndexError):
        return ""
    now = {c.id: c for c in season.competitions}
    said = []
    for cid, (_id, name, day, end, prio) in then.items():
        c = now.get(cid)
        if c is None:
            said.append(f"'{name}' removed")
        elif c.date.isoformat() != day:
            said.append(f"'{c.name}' moved from {date_short(dt.date.fromisoformat(day))} to "
                        f"{date_short(c.date)}")
        elif c.priority != prio:
            said.append(f"'{c.name}' became {'an' if c.priority == 'A' else 'a'} {c.priority} "
                        f"competition")
        elif (c.end_date.isoformat() if c.end_date else None) != end:
            said.append(f"the days of '{c.name}' changed")
    said += [f"'{c.name}' added" for cid, c in now.items() if cid not in then]
    if len(said) > 2:
        return f"{said[0]}, {said[1]} and {len(said) - 2} more"
    return join_and(said)


def find(season: Season, name: str) -> Scenario:
    for sc in season.scenarios:
        if sc.name.casefold() == name.strip().casefold():
            return sc
    known = ", ".join(f"'{s.name}'" for s in season.scenarios) or "none yet"
    raise InputError("", [f"no scenario is called '{name}' (scenarios: {known})"])


def describe_edits(season: Season, scenario: Scenario) -> list[str]:
    """Each change of ``scenario`` in words, one that does not apply to the season as it is now
    said with why: the list stopped at one (a day off a scenario adopted since had made), and
    the scenario's pin after it, the change in the way, was never shown (review 281)."""
    out, s = [], season.model_copy(update={"scenarios": ()})
    for e in scenario.edits:
        ed = edit_from_dict(e)
        try:
            said = ed.describe(s)
        except PeriodizeError:  # it names what an earlier change, not applied, would add
            said = str(e.get("op", "change")).replace("_", " ").capitalize()
        try:
            s = ed.apply(s)
        except InputError as err:
            said += f" (does not apply to the season now: {_why_not_now(s, ed, err)})"
        out.append(said)
    return out


def _why_not_now(season: Season, edit, err: InputError) -> str:
    """Why a scenario's change does not apply to the season now, in a coach's words: a day off
    the season has already (a scenario adopted since made it), else the refusal without its
    place in the season file ("calendar.non_training_days: 2026-09-04 is listed 2 times")."""
    from planner import edits as E

    if isinstance(edit, E.AddNonTrainingDay) and any(
            x.date == edit.day.date for x in season.calendar.non_training_days):
        return "the season has this day off already"
    return "; ".join(re.sub(r"^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*: ", "", p)
                     for p in err.problems)


# -- comparison -----------------------------------------------------------------------------------
@dataclass
class AthleteDiff:
    athlete: str
    name: str
    return_a: dt.date | None
    return_b: dt.date | None
    hv_a: int
    hv_b: int
    weeks_moved: list[tuple[dt.date, str, str]]  # week start, kind in A, kind in B
    changed_days: int
    soft_a: dict[str, int]
    soft_b: dict[str, int]
    away_a: bool = False  # not back to FIT by the season's end in A
    away_b: bool = False
    # the target competitions of the athlete's returns: (name, met; None: not in the season, why
    # it is missed: planner.returns.Return.missed_why, as solve's Returns line says it)
    targets_a: tuple[tuple[str, bool | None, str], ...] = ()
    targets_b: tuple[tuple[str, bool | None, str], ...] = ()
    # the return waits on a criteria test not passed yet (RH-CRIT), as the Returns panel says
    provisional_a: bool = False
    provisional_b: bool = False
    # the match roles B changes, a day each, in words with the day's planned load (role_days)
    roles: tuple[str, ...] = ()
    # the athlete-days whose planned load B changes (a role, a session's minutes)
    load_days: int = 0
    # of an athlete whose availability or stage B changes: the matches from today on he plays in
    # A and not in B (lost), and in B and not in A (gained), each "'Derby (home)' Sat 17 Oct"
    matches_lost: tuple[str, ...] = ()
    matches_gained: tuple[str, ...] = ()
    fit_changed: bool = False  # B changes the athlete's availability or stage (the lists above)
    # of hv_a, hv_b: the rehab sprint-ladder runs (a day at >= 90 % in a rehab stage)
    hv_rehab_a: int = 0
    hv_rehab_b: int = 0
    # a placeholder row (not planned yet, Plan.unplanned) in A or B: its figures are no plan's;
    # planned_from: the first day the other plans (planner.plandiff.first_planned)
    unplanned_a: bool = False
    unplanned_b: bool = False
    planned_from: dt.date | None = None

    def unplanned(self, which: str) -> bool:
        """Whether plan ``which`` ("a" or "b") holds the athlete as a placeholder."""
        return self.unplanned_a if which == "a" else self.unplanned_b

    def planned_words(self) -> str:
        """``planned from Mon 4 Jan`` (a placeholder in A planned in B, as a re-plan's changes
        say it), ``not planned in B`` (the other way), or ""."""
        from planner.plandiff import planned_words

        if self.unplanned_a and not self.unplanned_b and self.planned_from is not None:
            return planned_words(self.planned_from)
        if self.unplanned_b and not self.unplanned_a:
            return "not planned in B"
        return ""

    def hv_words(self, which: str) -> str:
        """``32`` or ``32 (7 in rehab)``: plan ``which``'s HV days, with the rehab runs among
        them (an athlete out for six weeks kept his count: the ladder's runs replaced matches)."""
        if self.unplanned(which):
            return NOT_PLANNED_SAID
        hv, rehab = (self.hv_a, self.hv_rehab_a) if which == "a" else (self.hv_b, self.hv_rehab_b)
        return f"{hv} ({rehab} in rehab)" if rehab else str(hv)

    @property
    def changed(self) -> bool:
        return bool(self.changed_days or self.weeks_moved or self.return_a != self.return_b
                    or self.unplanned_a != self.unplanned_b or self.away_a != self.away_b or self.targets_a != self.targets_b
                    or self.roles or self.load_days)

    def matches_words(self) -> str:
        """``misses 'Derby (home)' Sat 17 Oct; plays 'Cup' Wed 21 Oct`` (what B changes of the
        matches the athlete plays from today on), ``plays the same matches`` when B changes his
        availability or stage but none of them; "" for another athlete."""
        if not self.fit_changed:
            return ""
        parts = ([f"misses {join_and(list(self.matches_lost))}"] if self.matches_lost else []) + (
            [f"plays {join_and(list(self.matches_gained))}"] if self.matches_gained else [])
        return "; ".join(parts) or "plays the same matches"

    def missed(self, which: str) -> list[str]:
        """The target competitions plan ``which`` ("a" or "b") misses."""
        return [name for name, met, _why in (self.targets_a if which == "a" else self.targets_b)
                if met is False]

    def target(self, which: str, why: bool = True) -> str:
        """``met``, ``MISSED 'Derby' (in S3 again that day)`` or ``""`` (no target) for plan
        ``which``; the reason as solve's Returns line gives it (``why``: with it)."""
        targets = self.targets_a if which == "a" else self.targets_b
        missed = [(n, w) for n, met, w in targets if met is False]
        if missed:
            return "MISSED " + ", ".join(f"'{n}'" + (f" ({w})" if w and why else "")
                                         for n, w in missed)
        return "met" if any(met for _n, met, _w in targets) else ""

    def target_moved(self) -> bool:
        """Whether the scenario changes a target's verdict or the return it follows (a target
        missed in both with the same return is no news of the scenario)."""
        return bool(self.targets_a or self.targets_b) and (
            self.target("a", why=False) != self.target("b", why=False)
            or self.back("a") != self.back("b"))

    def target_line(self) -> str:
        """``Target: Eli Nash (A14): A MISSED 'Pool' (…), B met``, with both returns when they
        differ; "" when :meth:`target_moved` is not."""
        if not self.target_moved():
            return ""
        back = (f"; back {self.back('a')} in A, {self.back('b')} in B"
                if self.back("a") != self.back("b") else "")
        return f"Target: {self.name}: A {self.target('a') or '-'}, B {self.target('b') or '-'}{back}"

    def back(self, which: str, fmt=date_long) -> str:
        """The return in words for plan ``which`` ("a" or "b"): a date (``fmt``: ``5 Oct 2026``
        by default), "not this season", "fit" (no rehab day in the season), or "not planned" (a
        placeholder row: its all-fit days are no plan's)."""
        if self.unplanned(which):
            return NOT_PLANNED_SAID
        day, away = (self.return_a, self.away_a) if which == "a" else (self.return_b, self.away_b)
        if day is not None:
            prov = self.provisional_a if which == "a" else self.provisional_b
            return fmt(day) + (" (provisional)" if prov else "")
        return "not this season" if away else "fit"


# an athlete's return and HV in a plan that holds him as a placeholder (as the Inspector says it)
NOT_PLANNED_SAID = "not planned"
# what the comparison's HV figures count (its text, the app's column tooltips, the workbook)
HV_WHAT = ("HV: the days at 90 % of max speed or more from today to the season's end; a match "
           "started, a speed session and a rehab sprint-ladder run count alike, as HV-1 reads an "
           "exposure (a goalkeeper's match is none, as on the handout)")
SHOWN_BREAKS = 10  # hard-rule violations listed in a comparison's text


@dataclass
class Comparison:
    label_a: str
    label_b: str
    objective_a: float | None
    objective_b: float | None
    team_weeks_moved: list[tuple[dt.date, str, str]]
    athletes: list[AthleteDiff] = field(default_factory=list)
    soft_a: dict[str, int] = field(default_factory=dict)
    soft_b: dict[str, int] = field(default_factory=dict)
    hard_a: int = 0
    hard_b: int = 0
    broken_a: tuple[str, ...] = ()  # each hard-rule violation in words ("HV-2: ...")
    broken_b: tuple[str, ...] = ()
    changed_cells: set[tuple[str, int]] = field(default_factory=set)  # (athlete, day index)
    # the part of plan B's objective for the days a re-plan changed from the plan it re-plans
    # (STAB: the re-plan's own figure, given by its caller), which the rule counts do not show
    stab_b: float = 0
    # the STAB that plan A's objective held as stored (the days its own re-plan changed from an
    # older plan), left out of objective_a: A and B are compared like with like (an identical
    # plan read "A 9075  B 9074")
    stab_a_left: int = 0
    # congested runs of starts the scenario adds (planner.congestion), in words: not a rule, what
    # a tournament what-if is asked for
    congested: tuple[str, ...] = ()
    runs: tuple = ()  # the same runs (planner.congestion.Congestion), for a shorter wording
    # B or C matches started in a taper that the scenario adds (planner.congestion.TaperMatch)
    tapers: tuple = ()
    # matches started as an athlete's first speed day after RAMP's gap that the scenario adds
    # (planner.coldstart), in words: not a rule either
    cold: tuple[str, ...] = ()
    # rules whose mode or values differ in B (LD-1 given a weight): B's objective counts them
    # at its own values, so the two objectives are not like for like
    rules_changed: tuple[str, ...] = ()
    # the days whose planned load B changes (rules-spec.md section 8): (day, athletes, AU B - A)
    load_days: tuple[tuple[dt.date, int, float], ...] = ()
    # of those athlete-days, the ones at the same intensity and stage in both plans: the session's
    # minutes or RPE changed with the week's kind or the match days
    load_only: int = 0
    # a competition B adds on the day of another, in words: why the plan's days need not change
    shared_days: tuple[str, ...] = ()
    # (athlete, day index) -> the match roles B changes that day, in words (role_days)
    role_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    # DL-2's most load weeks in a row in B (a hard rule, always on), whether either plan breaks
    # DL-2, and whether DL-7 is on in B and in A: why the team's weeks moved (team_weeks_words)
    deload_most: int = 0
    deload_broken: bool = False
    dl7_on: bool = True
    dl7_on_a: bool = True
    # (athlete, day index) -> the day's planned load B - A (the athlete-days of load_days)
    load_cells: dict[tuple[str, int], float] = field(default_factory=dict, repr=False)
    # the scenario's season carrying plan B, and plan A: what a changed day's reason and levels
    # are read from (why_day, day_change)
    scenario: Season | None = field(default=None, repr=False, compare=False)
    plan_a: Plan | None = field(default=None, repr=False, compare=False)
    _explainer: object = field(default=None, repr=False, compare=False)

    @property
    def changed_days(self) -> int:
        return sum(a.changed_days for a in self.athletes)

    def team_weeks_words(self) -> str:
        """``Team weeks changed: 21 Dec load -> deload, 28 Dec deload -> load (…)`` with why, as
        far as the deload rules say it (a deload moved far from the change, for every athlete,
        read as a mistake); "" when no team week moved."""
        if not self.team_weeks_moved:
            return ""
        moved = ", ".join(f"{date_short(w)} {a} -> {b}" for w, a, b in self.team_weeks_moved)
        dl7 = f"DL-7 ({RULES['DL-7'].title.lower()})"
        a, b = self.soft_a.get("DL-7", 0), self.soft_b.get("DL-7", 0)
        either = ("" if self.deload_broken else
                  f"DL-2 (at most {self.deload_most} load weeks in a row) allows either arrangement")
        # the counts differ, so DL-7 mattered, also when the scenario switched it off or on
        off = (" (off in both)" if not (self.dl7_on or self.dl7_on_a) else
               " (off in B)" if not self.dl7_on else " (off in A)" if not self.dl7_on_a else "")
        if a != b:
            why = f"{dl7} instances {a} -> {b}{off}" + (f"; {either}" if either else "")
        elif either:  # DL-7 named only when on in both (off, it counts nothing either way)
            # not a coin toss: the other rules and STAB priced this arrangement lowest (an injured
            # starter's return two days earlier moved the squad's deload; a pin keeps the weeks)
            why = (f"the deload rules count both alike: {either}"
                   + ("" if off else f", and {dl7} counts the same in both")
                   + "; the re-plan took the arrangement the other rules price lowest. To keep "
                     "the team's weeks, pin them (board menu ▸ Pin week kind for the team, or "
                     "--pin-week DATE KIND)")
        else:
            why = "the deload rhythm is broken: see the hard rules"
        return f"Team weeks changed: {moved} ({why})"

    def changed_words(self) -> str:
        """``Intensity or stage changed on 61 athlete-days``: what :attr:`changed_days` counts, so
        that it is not read against the planned load's count (:meth:`load_words`), which is larger
        when a week's kind moves (the command line and the app's heading)."""
        return f"Intensity or stage changed on {plural(self.changed_days, 'athlete-day')}"

    def stab(self, which: str) -> int:
        """The part of plan ``which``'s objective for the days a re-plan changed from the plan
        it re-plans (STAB); 0 for the baseline."""
        return round(self.stab_b) if which == "b" else 0

    def stab_words(self, which: str) -> str:
        """``4 of it for the days changed from the plan it re-plans``: :meth:`stab` in words, so
        that a re-plan's points are not read as a worse plan (the command line and the app);
        empty when there are none."""
        stab = self.stab(which)
        return f"{stab} of it for the days changed from the plan it re-plans" if stab else ""

    def _unlike(self) -> list[str]:
        """B's objective counted under other rule settings than A's, said under the objectives."""
        if not self.rules_changed:
            return []
        many = "s" if len(self.rules_changed) > 1 else ""
        return [f"  (B counted under its own {', '.join(self.rules_changed)} setting{many}: not "
                f"like for like; compare the rule counts)"]

    def _soft_lines(self) -> list[str]:
        """The soft rules the scenario changes, by name ("RTS 3 -> 4" alone read as a code), and
        the others' counts apart."""

        rules = sorted(set(self.soft_a) | set(self.soft_b))
        moved = [r for r in rules if self.soft_a.get(r, 0) != self.soft_b.get(r, 0)]
        out = []
        if moved:
            out.append("Soft-rule instances the scenario changes (A -> B): " + "; ".join(
                f"{r}{f' ({RULES[r].title})' if r in RULES else ''} {self.soft_a.get(r, 0)} -> "
                f"{self.soft_b.get(r, 0)}" for r in moved))
        if len(moved) < len(rules):
            out.append("Soft-rule instances as in A: " + ", ".join(
                f"{r} {self.soft_a.get(r, 0)}" for r in rules if r not in moved))
        return out

    def why_day(self, athlete: str, d: int) -> str:
        """Why plan B has athlete-day ``d`` as it is, in a line: the reason the Inspector gives
        first (planner.why.Why.short), read from the scenario as the app's comparison reads it;
        "" when the comparison was made without it."""
        if self.scenario is None or self.scenario.plan is None:
            return ""
        from planner.why import Explainer

        if self._explainer is None:  # the calendar and the team's days once, for every day
            self._explainer = Explainer(self.scenario, self.scenario.plan)
        why = self._explainer.day(athlete, self._explainer.tl.days[d])
        pb = self.scenario.plan.for_athlete(athlete)
        if pb is not None:
            # a stage's cap above the day's level bounds nothing there: "95 → 70: Stage S2
            # allows at most 95 % (RH-CAP)" did not say why 70; the bound that holds the level
            # comes first, and with none the soft rules it serves and pays for
            cap = self._explainer.context(athlete).cap(pb.stages[d])
            if pb.intensity[d] < cap:
                why = replace(why, reasons=[r for r in why.reasons
                                            if not (r.rule == "RH-CAP" and r.kind == "bound")])
        return why.short()

    def day_change(self, athlete: str, d: int) -> str:
        """What B changes of athlete-day ``d``: "70 → 95 %", "FIT → P1" (the stage alone), or
        "" (the same level and stage: the session's load alone, or a role)."""
        if self.scenario is None or self.plan_a is None:
            return ""
        pa, pb = self.plan_a.for_athlete(athlete), self.scenario.plan.for_athlete(athlete)
        if pa is None or pb is None:
            return ""
        if pa.intensity[d] != pb.intensity[d]:
            return f"{pa.intensity[d]} → {pb.intensity[d]} %"
        return f"{pa.stages[d]} → {pb.stages[d]}" if pa.stages[d] != pb.stages[d] else ""

    def _load_day_words(self, day: dt.date, k: int, au: float, why: bool) -> str:
        """A day of :meth:`load_words`: ``Tue 27 Apr +80 AU (2 athletes)``; with ``why``, one
        athlete's day says who, what changed and why: ``Tue 27 Apr Mateo Silva 70 → 95 %
        (+80 AU): …``."""
        figure = f"{'+' if au > 0 else ''}{number(au)} AU"
        d = (day - self.scenario.calendar.start).days if self.scenario is not None else -1
        aid = next((a for a, x in self.load_cells if x == d), None) if why and k == 1 else None
        if aid is None:
            return f"{text.day(day)} {figure} ({plural(k, 'athlete')})"
        name = self.scenario.athlete_label(aid).split(" (")[0]
        change = self.day_change(aid, d)
        said = self.why_day(aid, d) if (aid, d) in self.changed_cells or (aid, d) in self.role_cells else ""
        return f"{text.day(day)} {name} {change + ' ' if change else ''}({figure})" + (
            f": {said}" if said else "")

    def load_words(self, shown: int = 4, why: bool = False) -> str:
        """``Planned load changed on 256 athlete-days, 195 of them at the same intensity and stage
        (…): Sat 17 Apr +6,030 AU (13 athletes)``: the days B changes the planned load of, how many
        of them only the session changed on, the first ``shown`` with their figures (the app's
        heading); empty when none. With ``why`` (the command line), a day a line, and a day of
        one athlete names the athlete, the change and why (``_load_day_words``)."""
        if not self.load_days:
            return ""
        n = sum(k for _, k, _ in self.load_days)
        same = ("" if not self.load_only else
                f", {'all' if self.load_only == n else f'{self.load_only:,} of them'} at the same "
                f"intensity and stage (the session's minutes or RPE follow the week's kind and the "
                f"match days)")
        days = [self._load_day_words(d, k, au, why) for d, k, au in self.load_days[:shown]]
        more = len(self.load_days) - shown
        head = f"Planned load changed on {plural(n, 'athlete-day')}{same}:"
        if why:  # a day a line: a reason's own commas read as the list's
            return "\n".join([head, *(f"  - {x}" for x in days)]
                             + ([f"  - … and {plural(more, 'more day')}"] if more > 0 else []))
        return f"{head} " + ", ".join(days) + (" …" if more > 0 else "")

    def match_lines(self) -> list[str]:
        """The matches from today on that the scenario takes from or gives to each athlete whose
        availability or stage it changes, a line each (the coach's first question of an injury)."""
        said = [f"  {a.name}: {w}" for a in self.athletes if (w := a.matches_words())]
        return ["Matches played from today on (B against A), of the athletes whose availability "
                "or stage the scenario changes:", *said] if said else []

    def target_lines(self) -> list[str]:
        """The targets whose verdict or return the scenario changes, a line each, and the
        others counted in one line (every comparison repeated the same MISSED)."""
        lines = [line for a in self.athletes if (line := a.target_line())]
        if self.targets_unchanged():
            lines.append(self.targets_unchanged_words())
        return lines

    def targets_unchanged(self) -> int:
        """The targets of B whose verdict and return are A's."""
        return sum(len(a.targets_b) for a in self.athletes
                   if (a.targets_a or a.targets_b) and not a.target_moved())

    def targets_unchanged_words(self) -> str:
        return f"{plural(self.targets_unchanged(), 'target')} unchanged (the same verdict and return)"

    def _advice_lines(self) -> list[str]:
        """What the scenario adds that is no rule but what a tournament what-if is asked for:
        congested runs of starts, matches started in a taper, matches started cold."""
        from planner.coldstart import COLD_WHAT

        lines = []
        if self.congested:
            lines.append("Congested fixtures the scenario adds (not a rule):")
            lines += [f"  - {x}" for x in self.congested]
        if self.tapers:
            lines.append("Matches in a taper the scenario adds (not a rule):")
            lines += [f"  - {t.text()}" for t in self.tapers]
        if self.cold:
            lines.append(f"{COLD_WHAT} that the scenario adds (not a rule):")
            lines += [f"  - {x}" for x in self.cold]
        return lines

    def text(self) -> str:
        def objective(which: str) -> str:
            value = self.objective_a if which == "a" else self.objective_b
            if value is None:
                return "-"
            stab = self.stab_words(which) if which == "b" else (
                f"stored as {value + self.stab_a_left:g}, less the {self.stab_a_left} its own "
                f"re-plan counted for the days it changed" if self.stab_a_left else "")
            return f"{value:g}" + (f" ({stab})" if stab else "")

        lines = [f"Comparing {self.label_a} (A) with {self.label_b} (B)",
                 f"Objective: A {objective('a')}  B {objective('b')}"
                 f"   hard violations: A {self.hard_a}  B {self.hard_b}",
                 *self._unlike(),
                 self.changed_words()]
        if self.load_days:
            lines.append(self.load_words(why=True))
        lines += self.shared_days
        lines += self.match_lines()
        lines += self._advice_lines()
        lines += self.target_lines()
        for label, broken in (("A", self.broken_a), ("B", self.broken_b)):
            if broken:
                lines.append(f"Hard rules {label} breaks:")
                lines += [f"  - {x}" for x in broken[:SHOWN_BREAKS]]
                if len(broken) > SHOWN_BREAKS:
                    lines.append(f"  - … and {len(broken) - SHOWN_BREAKS} more (periodize check)")
        lines += self._soft_lines()
        if self.team_weeks_moved:
            lines.append(self.team_weeks_words())
        lines.append("")
        lines.append("Per athlete: the return to full training, the HV days, the athlete-days that "
                     "differ, the weeks whose kind moved.")
        lines.append(HV_WHAT + ".")
        # as wide as the longest return said ("5 Oct 2026 (provisional)"), and HV ("32 (7 in rehab)")
        wide = max([12] + [len(a.back(w)) for a in self.athletes for w in "ab"])
        hv = max([5] + [len(a.hv_words(w)) for a in self.athletes for w in "ab"])
        lines.append(f"{'athlete':34s} {'return A':>{wide}s} {'return B':>{wide}s} {'HV A':>{hv}s} "
                     f"{'HV B':>{hv}s} {'days':>5s}  weeks moved")
        groups: dict[tuple, list[AthleteDiff]] = {}
        for a in self.athletes:
            if not a.changed and a.hv_a == a.hv_b:
                continue
            key = (a.back("a"), a.back("b"), a.hv_words("a"), a.hv_words("b"), a.changed_days, tuple(a.weeks_moved),
                   a.roles, a.load_days, a.planned_words())
            groups.setdefault(key, []).append(a)
        for members in groups.values():
            a = members[0]
            # each named on a row of their own, side by side: "Ben Carter (A06) and 3 more"
            # said nothing of the three a coach must know
            named = [m.name for m in members]
            moved = ", ".join(f"{date_short(w)} {x}->{y}" for w, x, y in a.weeks_moved[:4])
            if len(a.weeks_moved) > 4:
                moved += f" (+{len(a.weeks_moved) - 4})"
            # a match added on a match day, a role: the load alone changed on days the "days"
            # column does not count
            if not moved and a.load_days > a.changed_days:
                moved = f"(planned load changed on {plural(a.load_days, 'day')})"
            if a.planned_words():  # said once: none of his days was a plan's in the other
                moved = f"({a.planned_words()})"
            ret_a, ret_b = a.back("a"), a.back("b")
            lines += [f"{who[:34]:34s} {ret_a:>{wide}s} {ret_b:>{wide}s} {a.hv_words('a'):>{hv}s} "
                      f"{a.hv_words('b'):>{hv}s} "
                      f"{a.changed_days:5d}  {moved}" for who in named]
        roles = [f"  {a.name}: {'; '.join(a.roles)}" for a in self.athletes if a.roles]
        if roles:
            lines.append("Match roles changed (the day's planned load B - A):")
            lines += roles
        unchanged = sum(1 for a in self.athletes if not a.changed)
        lines.append(f"({unchanged} athlete{'' if unchanged == 1 else 's'} unchanged: the same days, "
                     f"weeks, roles and return)")
        return "\n".join(lines)


def _return(tl: Timeline, plan: Plan, athlete: str) -> tuple[dt.date | None, bool]:
    """(the day the athlete is back to FIT for good, after the season's last rehab day — also a
    return before today; whether the athlete is still out at the season's end). (None, False):
    fit throughout."""
    st = plan.for_athlete(athlete).stages
    last = next((d for d in range(tl.n - 1, -1, -1) if st[d] != FIT), None)
    if last is None:
        return None, False
    if last + 1 >= tl.n:
        return None, True
    return tl.days[last + 1], False


def compare(season_a: Season, plan_a: Plan, season_b: Season, plan_b: Plan,
            label_a: str = "the baseline", label_b: str = "the scenario",
            stab_b: float = 0) -> Comparison:
    """Per athlete: return date, HV exposures, week kinds moved, changed days, soft-rule counts.
    ``stab_b``: the part of plan B's objective for the days its re-plan changed (STAB), as the
    re-plan reported it (a plan's stored objective can be older than the season's log)."""
    tl_a, tl_b = Timeline(season_a), Timeline(season_b)
    if tl_a.n != tl_b.n or tl_a.start != tl_b.start:
        raise InputError("", ["the two plans cover different seasons; compare plans of the same calendar"])
    # a season given without its stored plan (a scenario's, before it is saved) is checked with
    # the plan as its record of the weeks before today, as the re-plan kept them: read as load
    # weeks (no record), 18 past weeks made "20 load weeks in a row" that the plan has not got
    rep_a, rep_b = (check_plan(s if s.plan is not None else s.model_copy(update={"plan": p}), p)
                    for s, p in ((season_a, plan_a), (season_b, plan_b)))
    weeks = [tl_a.days[w.first] for w in tl_a.weeks]
    rules_b = RuleSet(season_b.rules)
    # A's own STAB (its re-plan's, against an older plan) is no part of this comparison
    stab_a = sum(v.penalty for v in plan_a.soft if v.rule == "STAB") if plan_a.objective is not None else 0
    comp = Comparison(
        label_a, label_b, None if plan_a.objective is None else plan_a.objective - stab_a,
        plan_b.objective,
        [(weeks[w], a, b) for w, (a, b) in enumerate(zip(plan_a.team_weeks, plan_b.team_weeks, strict=True)) if a != b],
        soft_a=rep_a.counts(), soft_b=rep_b.counts(), hard_a=len(rep_a.violations), hard_b=len(rep_b.violations),
        broken_a=tuple(v.message for v in rep_a.violations),
        broken_b=tuple(v.message for v in rep_b.violations),
        stab_b=stab_b, stab_a_left=stab_a, rules_changed=tuple(_rules_changed(season_a, season_b)),
        deload_most=int(rules_b.value("DL-2", "max_load_weeks")),
        deload_broken=any(v.rule == "DL-2" for v in (*rep_a.violations, *rep_b.violations)),
        dl7_on=rules_b.active("DL-7"), dl7_on_a=RuleSet(season_a.rules).active("DL-7"),
    )
    from planner.coldstart import cold_starts_added
    from planner.congestion import added, congestion_lines, tapers_added
    from planner.plandiff import changed_days, first_planned
    from planner.returns import hv_exposure_counts

    scenario = season_b.model_copy(update={"plan": plan_b})
    baseline = season_a.model_copy(update={"plan": plan_a})
    comp.runs = tuple(added(baseline, scenario))
    comp.congested = tuple(line.text for line in congestion_lines(scenario, list(comp.runs)))
    comp.tapers = tuple(tapers_added(baseline, scenario))
    comp.cold = tuple(c.text(scenario) for c in cold_starts_added(baseline, scenario))
    comp.load_days, loaded = _load_days(season_a, plan_a, season_b, plan_b, tl_b)
    comp.load_cells, comp.scenario, comp.plan_a = loaded, scenario, plan_a
    comp.role_cells = role_days(season_a, season_b, tl_b, loaded)
    comp.shared_days = _shared_days(season_a, season_b, tl_b, {d for d, _, _ in comp.load_days})
    (targets_a, prov_a), (targets_b, prov_b) = _targets(season_a, plan_a), _targets(season_b, plan_b)
    past_a, past_b = _past_competitions(season_a, tl_a), _past_competitions(season_b, tl_b)
    by_rule_a: dict[str, dict[str, int]] = {}
    for v in rep_a.soft:
        if v.athlete:
            by_rule_a.setdefault(v.athlete, {}).setdefault(v.rule, 0)
            by_rule_a[v.athlete][v.rule] += 1
    by_rule_b: dict[str, dict[str, int]] = {}
    for v in rep_b.soft:
        if v.athlete:
            by_rule_b.setdefault(v.athlete, {}).setdefault(v.rule, 0)
            by_rule_b[v.athlete][v.rule] += 1
    # a goalkeeper's match is no HV exposure here either, as on his handout (one predicate)
    hv_a, hv_b = hv_exposure_counts(season_a, plan_a), hv_exposure_counts(season_b, plan_b)
    rehab_a = hv_exposure_counts(season_a, plan_a, in_rehab=True)  # of them, the rehab runs
    rehab_b = hv_exposure_counts(season_b, plan_b, in_rehab=True)
    for ath in season_b.athletes:
        pa, pb = plan_a.for_athlete(ath.id), plan_b.for_athlete(ath.id)
        if pa is None or pb is None:
            continue
        # a placeholder row (not planned yet) planned in the other: no day of a plan changed
        unplanned_a, unplanned_b = ath.id in plan_a.unplanned, ath.id in plan_b.unplanned
        placeholder = unplanned_a or unplanned_b
        cells = set() if placeholder else set(changed_days(pa, pb))
        comp.changed_cells |= {(ath.id, d) for d in cells}
        (ret_a, away_a), (ret_b, away_b) = _return(tl_a, plan_a, ath.id), _return(tl_b, plan_b, ath.id)
        comp.athletes.append(AthleteDiff(
            ath.id, season_b.athlete_label(ath.id), ret_a, ret_b,
            hv_a.get(ath.id, 0), hv_b.get(ath.id, 0),
            [] if placeholder else  # a placeholder's own weeks were no plan's either
            [(weeks[w], a, b) for w, (a, b) in enumerate(zip(pa.weeks, pb.weeks, strict=True)) if a != b],
            len(cells), by_rule_a.get(ath.id, {}), by_rule_b.get(ath.id, {}), away_a, away_b,
            # a target dated before today is no news of a what-if ("Target: … A met, B met" of
            # September's match in a November comparison)
            tuple(t for t in targets_a.get(ath.id, ()) if t[0] not in past_a),
            tuple(t for t in targets_b.get(ath.id, ()) if t[0] not in past_b),
            (ath.id, ret_a) in prov_a, (ath.id, ret_b) in prov_b,
            tuple(w for (aid, _d), w in sorted(comp.role_cells.items(), key=lambda x: x[0][1])
                  if aid == ath.id),
            sum(1 for aid, _d in loaded if aid == ath.id),
            *(((), (), False) if placeholder else
              _matches_changed((season_a, tl_a, plan_a), (season_b, tl_b, plan_b), ath.id)),
            rehab_a.get(ath.id, 0), rehab_b.get(ath.id, 0), unplanned_a, unplanned_b,
            first_planned(season_b, tl_b, ath.id) if unplanned_a and not unplanned_b else None,
        ))
    comp.load_only = len(set(loaded) - comp.changed_cells)
    return comp


def _matches_played(season: Season, tl: Timeline, plan: Plan, athlete: str
                    ) -> dict[tuple[str, int], str]:
    """(competition id, day index) -> "'Derby (home)' Sat 17 Oct": the matches from today on the
    athlete plays (start or bench) as ``plan`` has him, read as every count of them reads it
    (planner.returns.AthleteFacts)."""
    from planner.returns import AthleteFacts

    ap = plan.for_athlete(athlete)
    if ap is None or len(ap.stages) != tl.n or len(ap.intensity) != tl.n:
        return {}
    f = AthleteFacts(season, tl, RuleSet(season.rules), ap)
    return {(c.id, i): f"'{c.name}' {text.day(tl.days[i])}"
            for i in range(tl.p0, tl.n) if f.played[i]
            for c, role in zip(tl.comp_on[i], f.match_roles(i), strict=True) if role != "out"}


def _matches_changed(a: tuple[Season, Timeline, Plan], b: tuple[Season, Timeline, Plan], athlete: str
                     ) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(the matches from today on the athlete plays in A and not in B, those in B and not in A,
    in date order; whether B changes his availability or stage): the lists for such an athlete
    only (a match role changed is said by role_days)."""
    pa, pb = a[2].for_athlete(athlete), b[2].for_athlete(athlete)
    if pa is None or pb is None or (
            pa.stages == pb.stages and a[1].unavailable(athlete) == b[1].unavailable(athlete)):
        return (), (), False
    in_a, in_b = _matches_played(*a, athlete), _matches_played(*b, athlete)

    def only(x: dict, y: dict) -> tuple[str, ...]:
        return tuple(x[k] for k in sorted(set(x) - set(y), key=lambda k: (k[1], k[0])))

    return only(in_a, in_b), only(in_b, in_a), True


def _past_competitions(season: Season, tl: Timeline) -> set[str]:
    """The names of the competitions dated before today (``p0``)."""
    today = tl.start + dt.timedelta(days=tl.p0)
    return {c.name for c in season.competitions if c.date < today}


def role_days(season_a: Season, season_b: Season, tl: Timeline,
              loaded: dict[tuple[str, int], float]) -> dict[tuple[str, int], str]:
    """(athlete, day index) -> the match roles B changes that day, in words with the day's planned
    load B - A (``loaded``, from _load_days): "Sat 10 Apr out of the squad for 'Pool v Hawks'
    (-760 AU)". A competition of both seasons only (one B adds is said by _shared_days); from
    today on (the past keeps what happened)."""
    out: dict[tuple[str, int], str] = {}
    ids_a = {c.id for c in season_a.competitions}
    for i in range(tl.p0, tl.n):
        comps = [c for c in tl.comp_on[i] if c.id in ids_a]
        for ath in season_b.athletes if comps else ():
            moved = [f"{ROLE_NOW[rb]} for '{c.name}'" for c in comps
                     if (rb := season_b.role_of(ath.id, c.id)) != season_a.role_of(ath.id, c.id)]
            if moved:
                au = loaded.get((ath.id, i), 0)
                out[(ath.id, i)] = (f"{text.day(tl.days[i])} {join_and(moved)} "
                                    f"({'+' if au > 0 else ''}{number(au)} AU)")
    return out


def _load_days(season_a: Season, plan_a: Plan, season_b: Season, plan_b: Plan, tl: Timeline
               ) -> tuple[tuple[tuple[dt.date, int, float], ...], dict[tuple[str, int], float]]:
    """The days whose planned load (planner.loadtable) differs in B: (day, athletes, AU B - A), and
    those athlete-days as (athlete, day index) -> AU B - A. An athlete either plan holds as a
    placeholder (not planned yet) is left out: that row was no plan, so no load of it changed
    (AthleteDiff.planned_words says him)."""
    from planner.loadtable import athlete_load

    by: dict[int, list[float]] = {}
    cells: dict[tuple[str, int], float] = {}
    for ath in season_b.athletes:
        if (plan_a.for_athlete(ath.id) is None or plan_b.for_athlete(ath.id) is None
                or ath.id in plan_a.unplanned or ath.id in plan_b.unplanned):
            continue
        try:
            la = athlete_load(season_a, plan_a, ath.id)
            lb = athlete_load(season_b, plan_b, ath.id)
        except (KeyError, PeriodizeError):  # not in A's squad, or a plan that does not fit
            continue
        for d in range(tl.n):
            diff = lb.planned[lb.season_start + d] - la.planned[la.season_start + d]
            if diff:
                by.setdefault(d, []).append(diff)
                cells[(ath.id, d)] = diff
    return tuple((tl.days[d], len(v), sum(v)) for d, v in sorted(by.items())), cells


def _shared_days(season_a: Season, season_b: Season, tl: Timeline, loaded: set[dt.date]
                 ) -> tuple[str, ...]:
    """A competition B adds on the day of another competition: that day was a match day already,
    so the plan's days need not change ("Changed athlete-days: 0" said nothing else); each match
    an athlete plays counts in the day's load (docs/semantics.md)."""
    old = {c.id for c in season_a.competitions}
    out = []
    for c in season_b.competitions:
        if c.id in old:
            continue
        for i in range(tl.n):
            others = [x for x in tl.comp_on[i] if x.id != c.id]
            if c not in tl.comp_on[i] or not others:
                continue
            load = ("each match an athlete plays there counts in the day's planned load"
                    if tl.days[i] in loaded else
                    "nobody plays it in a role that adds to the day's load (out of it, or not "
                    "playing that day), so nothing in the plan changes")
            names = join_and([f"'{x.name}'" for x in others])
            out.append(f"'{c.name}' is on {text.day(tl.days[i])} with {names}, a match day "
                       f"already: {load}.")
            break
    return tuple(out)


def _rules_changed(a: Season, b: Season) -> list[str]:
    """The rule ids whose mode or values differ between the two seasons, in the rules' order."""

    ea, eb = RuleSet(a.rules).effective(), RuleSet(b.rules).effective()
    return [x[0] for x, y in zip(ea, eb, strict=True) if x != y]


def _targets(season: Season, plan: Plan
             ) -> tuple[dict[str, tuple[tuple[str, bool | None, str], ...]], set[tuple[str, dt.date]]]:
    """(athlete id -> (target competition, met, why missed) of each return with a target; the
    (athlete, return day) of the provisional returns, RH-CRIT)."""
    from planner.returns import returns

    out: dict[str, list[tuple[str, bool | None, str]]] = {}
    try:
        rets = returns(season, plan, history=True)
    except PeriodizeError:  # a plan that does not fit its season: the hard rules say so
        return {}, set()
    # a record's target once: a return after a flare-up of it reads the same target
    latest = {(r.athlete, r.onset): r for r in rets}
    for r in latest.values():
        if r.target is not None:
            out.setdefault(r.athlete, []).append((r.target, r.target_met, r.missed_why))
    return ({k: tuple(v) for k, v in out.items()},
            {(r.athlete, r.fit) for r in rets if r.provisional and r.fit is not None})


# scenario_season (the replay of a scenario's edits) lives with the edits; callers find it here too
__all__ = ["AthleteDiff", "Comparison", "check_scenario_today", "compare", "describe_edits", "find",
           "next_season_words", "past_change_problem", "past_role_problem", "past_words", "scenario_season",
           "stage_pin_problem"]
