"""``periodize whatif``: define a scenario, re-plan it with minimal change, compare with the
baseline. No Qt here; the solver is imported when the re-plan starts."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys

from planner.errors import InputError
from planner.text import day_long
from ui.cli.args import only_one
from ui.cli.names import athlete_id
from ui.cli.outputs import REPLACE_HELP


def _protocols() -> tuple[str, ...]:
    from planner.protocols import available_protocols

    return available_protocols()


def add_parser(sub) -> None:
    w = sub.add_parser(
        "whatif", help="what-if scenarios: re-plan a change with minimal change and compare",
        description="Re-plan a scenario (an existing one with --scenario, or a new one defined by the "
                    "edit options with --new) against the season's plan, and print the comparison.")
    w.add_argument("season", metavar="FILE.season.json")
    w.add_argument("--scenario", metavar="NAME", help="an existing scenario of the season")
    w.add_argument("--new", metavar="NAME", help="define a new scenario from the edit options below")
    w.add_argument("--list", action="store_true", help="list the season's scenarios and their edits")
    w.add_argument("--delete", metavar="NAME", help="delete a stored scenario from the season file")
    w.add_argument("--adopt", metavar="NAME",
                   help="make a stored scenario the season: its changes and its plan (re-plan it "
                        "first if the season changed since); the file is kept as FILE.bak")
    add_edit_options(w)
    w.add_argument("--xlsx", metavar="OUT.xlsx", help="write the comparison as a workbook")
    w.add_argument("--save", action="store_true", help="store the scenario and its plan in the season file")
    w.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    add_search_options(w, deterministic=True)
    w.set_defaults(func=cmd_whatif)


class _GroupFormatter(argparse.HelpFormatter):
    """Shows ``--injury ATHLETE PROTOCOL DATE [STAGE]`` as one group of words: argparse's own
    "+" reads as if several injuries followed one flag (each needs its own --injury)."""

    def _format_args(self, action, default_metavar):
        if action.nargs == "+" and isinstance(action.metavar, str) and " " in action.metavar:
            return action.metavar
        return super()._format_args(action, default_metavar)


def add_edit_options(p) -> None:
    """The edit options a what-if scenario and ``periodize record`` share."""
    p.formatter_class = _GroupFormatter
    p.add_argument("--move-competition", nargs=2, action="append", default=[], metavar=("COMP", "DATE"),
                   help="move a competition (id or name) to DATE")
    p.add_argument("--add-competition", nargs=3, action="append", default=[], metavar=("NAME", "DATE", "PRIORITY"),
                   help="a new competition on DATE (a tournament: FIRST..LAST) with priority A, B or C")
    p.add_argument("--remove-competition", action="append", default=[], metavar="COMP",
                   help="remove a competition (id or name)")
    p.add_argument("--priority", nargs=2, action="append", default=[], metavar=("COMP", "PRIORITY"),
                   help="change a competition's priority to A, B or C")
    p.add_argument("--flare-up", nargs=2, action="append", default=[], metavar=("ATHLETE", "DATE"),
                   help="a flare-up of an injured (or just returned) athlete on DATE")
    p.add_argument("--later-stages", choices=("drop", "keep"), default=None,
                   help="with --flare-up before stage changes already recorded (accepted when "
                        "today moved, before the flare-up was known): drop them, so that the plan "
                        "projects them again from the flare-up, or keep them")
    p.add_argument("--injury", nargs="+", action="append", default=[],
                   metavar="ATHLETE PROTOCOL DATE [STAGE]",
                   help="a new injury on DATE (the protocol's first stage, or STAGE, from that day): "
                        "a re-injury, a planned operation, 'what if our striker strains a hamstring'. "
                        f"PROTOCOL is one of: {', '.join(_protocols())}")
    p.add_argument("--role", nargs=3, action="append", default=[], metavar=("COMP", "ATHLETE", "ROLE"),
                   help="an athlete's role for one competition: start, bench or out")
    p.add_argument("--stage-start", nargs=3, action="append", default=[], metavar=("ATHLETE", "STAGE", "DATE"),
                   help="delay or advance a stage: it starts on DATE")
    p.add_argument("--unavailable", nargs="+", action="append", default=[], metavar="ATHLETE FROM TO [REASON]",
                   help="the athlete is unavailable (away, ill, suspended) from FROM to TO, both "
                        "days included: no running load then; REASON (e.g. ill, 'U21 camp') is "
                        "shown with those days on the board and the player's handout")
    p.add_argument("--day-off", nargs="+", action="append", default=[], metavar="DATE [REASON]",
                   help="a declared non-training day (a stretch: FIRST..LAST, e.g. a winter "
                        "break), with an optional reason")
    p.add_argument("--remove-day-off", action="append", default=[], metavar="DATE",
                   help="a declared non-training day (or FIRST..LAST) becomes a training day again")
    p.add_argument("--rule", action="append", default=[], metavar="RULE.PARAM=VALUE",
                   help="change a rule value, e.g. HV-2.max_speed_days=1, or a soft rule's "
                        "mode, e.g. HV-1.mode=off (soft, hard or off)")
    p.add_argument("--pin", nargs=3, action="append", default=[], metavar=("ATHLETE", "DATE", "LEVEL"),
                   help="pin an athlete-day's intensity")
    p.add_argument("--pin-week", nargs=2, action="append", default=[], metavar=("DATE", "KIND"),
                   help="pin the team's week kind: the week of DATE is a load, deload or taper week "
                        "(the board's Pin week kind for the team)")
    p.add_argument("--unpin", nargs=2, action="append", default=[], metavar=("ATHLETE", "DATE"),
                   help="remove the athlete's intensity pin on DATE (the board's Unpin …)")
    p.add_argument("--unpin-week", action="append", default=[], metavar="DATE",
                   help="remove the pin of the team's week kind of the week of DATE")


def _date(text: str, what: str) -> dt.date:
    from planner.text import DATE_WRITTEN, not_a_date, read_date

    if (day := read_date(text)) is not None:
        return day
    raise InputError(what, [f"{_clip(text)!r} {not_a_date(text)}; write it as {DATE_WRITTEN}"])


def _comp_id(season, key: str) -> str:
    if season.competition(key):
        return key
    hits = [c for c in season.competitions if c.name.casefold() == key.strip().casefold()]
    if len(hits) == 1:
        return hits[0].id
    if len(hits) > 1:
        raise InputError("competition", [f"'{_clip(key)}' names {len(hits)} competitions; use its id "
                                         f"({', '.join(c.id for c in hits)})"])
    import difflib

    known = ", ".join(f"{c.id} {c.name}" for c in season.competitions[:40])
    more = len(season.competitions) - 40
    names = {c.name.casefold(): c for c in season.competitions} | {c.id.casefold(): c for c in season.competitions}
    close = difflib.get_close_matches(key.strip().casefold(), list(names), n=1, cutoff=0.8) \
        if len(key) < 200 else []
    guess = f"; did you mean '{names[close[0]].name}' ({names[close[0]].id})? The" if close else "; the"
    raise InputError("competition", [f"no competition has the id or name '{_clip(key)}'{guess} "
                                     f"competitions are {known or 'none yet'}"
                                     + (f" and {more} more" if more > 0 else "")])


def seconds(text: str) -> float:
    """A ``--time-limit``: a positive, finite number of seconds (argparse type)."""
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise argparse.ArgumentTypeError(f"{shown!r} is not a positive number of seconds "
                                         f"(e.g. --time-limit 60)")
    return value


DETERMINISTIC_HELP = ("one search thread: the same plan on every run and machine (slower on large "
                      "squads; the time limit counts the search's own work clock)")


def add_search_options(parser, default: float = 60.0, deterministic: bool = False) -> None:
    """``--time-limit`` (``default`` seconds) and, with ``deterministic``, ``--deterministic``:
    one wording for every command that searches."""
    parser.add_argument("--time-limit", type=seconds, default=default, metavar="S",
                        help=f"stop each search after S seconds (default {default:g})")
    if deterministic:
        parser.add_argument("--deterministic", action="store_true", help=DETERMINISTIC_HELP)


def _built(option: str, model, **values):
    """``model(**values)``, a pydantic model built from command-line values: its validation
    errors are a located InputError naming the option, not a pydantic dump."""
    from pydantic import ValidationError

    from planner.text import validation_problems

    try:
        return model(**values)
    except ValidationError as e:
        raise InputError(option, [p.removeprefix("(top level): ") for p in validation_problems(e.errors())]) from None


def edits_from_args(season, args) -> list[dict]:
    """The scenario's edits from the command line, checked in order (a located error if one
    cannot apply)."""
    return [e.to_dict() for e in edit_objects(season, args)[0]]


def edit_objects(season, args, unchanged: list | None = None) -> tuple[list, object]:
    """The edits of the command line and the season they make, applied in order (a located
    error if one cannot apply). ``unchanged``: a role the player has already is left out and
    said there (``record``: the flare-up beside it is still recorded), instead of refused (a
    what-if of no change)."""
    out = (_competition_edits(season, args) + _athlete_edits(season, args)
           + _rule_and_pin_edits(season, args) + _week_pin_edits(season, args))
    from planner.scenarios import (
        past_change_problem,
        past_role_problem,
        same_role_problem,
        stage_pin_problem,
    )

    cur, kept = season, []
    for e in out:
        same = same_role_problem(cur, e)
        if same is not None and unchanged is not None:
            unchanged.append(f"{e.describe(cur)}: the role held already, nothing to record")
            continue
        problem = (past_change_problem(cur, e) or stage_pin_problem(cur, e)
                   or past_role_problem(cur, e) or same or _same_pin_problem(season, cur, e))
        if problem is not None:
            raise InputError(e.describe(cur), [problem + _log_fix(e, args)])
        kept.append(e)
        cur = e.apply(cur)
    return kept, cur


def _same_pin_problem(season, cur, edit) -> str | None:
    """Why a pin changes nothing: the season holds it already (or held it before this
    command's --unpin of it), at that level or as that week's kind; as a role held already,
    it would be recorded, re-planned and saved (or tried as a scenario) for no change."""
    from planner import edits as E
    from planner.text import date_long
    from planner.timeline import Timeline

    if not isinstance(edit, E.AddPin) or edit.pin.kind not in ("intensity", "week"):
        return None
    pin, held = edit.pin, list(season.pins) + list(cur.pins)
    if pin.kind == "intensity":
        if any(p.kind == "intensity" and p.athlete == pin.athlete and p.date == pin.date
               and p.intensity == pin.intensity for p in held):
            return (f"{season.athlete_label(pin.athlete)} is pinned at {pin.intensity} % on "
                    f"{date_long(pin.date)} already; it changes nothing")
        return None
    tl = Timeline(cur)
    w = tl.week_index_of_date(pin.week)
    if w is None or not any(p.kind == "week" and p.athlete == pin.athlete
                            and tl.week_index_of_date(p.week) == w
                            and p.week_kind == pin.week_kind for p in held):
        return None
    whose = "the team's" if pin.athlete is None else f"{season.athlete_label(pin.athlete)}'s"
    return (f"{whose} week of {date_long(tl.days[tl.weeks[w].first])} is pinned as "
            f"{pin.week_kind} already; it changes nothing")


def _log_fix(edit, args) -> str:
    """How the command line logs the days gone by of an absence refused as past: the planner
    says they are logged with 0 minutes, this says with what."""
    from planner import edits as E

    if not isinstance(edit, E.AddUnavailability):
        return ""
    u = edit.unavailability
    return (f"; log them with 'periodize log {shlex.quote(args.season)} LOG.csv', a row "
            f"'{u.athlete},{u.start.isoformat()},0,0' a day, so the load figures count them as no "
            f"training")


def _competition_edits(s, args) -> list:
    from planner import edits as E
    from planner.season import Competition

    out: list = []
    for comp, date in args.move_competition:
        out.append(E.MoveCompetition(competition=_comp_id(s, comp), date=_date(date, "--move-competition")))
    for name, date, prio in args.add_competition:
        first, dots, last = (x.strip() for x in date.partition(".."))  # 2027-02-20..2027-02-22
        if dots and not last:
            raise InputError("--add-competition", [f"{_clip(date)!r} has no last day; write a "
                                                   f"tournament as FIRST..LAST (YYYY-MM-DD)"])
        day, priority = _date(first, "--add-competition"), _priority(prio, "--add-competition")
        end = _date(last, "--add-competition") if last else None
        if end is not None and end < day:
            raise InputError("--add-competition", [f"{name}: the last day {end.isoformat()} is "
                                                   f"before the first {day.isoformat()}"])
        cal = s.calendar
        for when in (day, end or day):
            if not cal.start <= when <= cal.end:
                raise InputError("--add-competition", [
                    f"{name}: {day_long(when)} is outside the season ({day_long(cal.start)} "
                    f"to {day_long(cal.end)})"])
        comp = _built("--add-competition", Competition, id=E.new_competition_id(s), name=name,
                      date=day, end_date=end if end != day else None, priority=priority)
        out.append(E.AddCompetition(competition=comp))
        s = s.model_copy(update={"competitions": s.competitions + (comp,)})  # the next gets a new id
    for comp in args.remove_competition:
        out.append(E.RemoveCompetition(competition=_comp_id(s, comp)))
    for comp, prio in args.priority:
        out.append(E.UpdateCompetition(competition=_comp_id(s, comp), priority=_priority(prio, "--priority")))
    for comp, ath, role in args.role:
        if role.lower() not in ("start", "bench", "out"):
            raise InputError("--role", [f"{_clip(role)!r} is not start, bench or out"])
        out.append(E.SetRole(competition=_comp_id(s, comp), athlete=athlete_id(s, ath, "--role"),
                             role=role.lower()))
    return out


def _clip(text: str, keep: int = 60) -> str:
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text):,} characters)"


def _priority(text: str, what: str) -> str:
    if text.upper() not in ("A", "B", "C"):
        raise InputError(what, [f"{_clip(text)!r} is not A, B or C"])
    return text.upper()


def _athlete_edits(s, args) -> list:
    from planner import edits as E
    from planner.progress import flare_note
    from planner.season import StagePin, Unavailability

    later = getattr(args, "later_stages", None) or "keep"
    out: list = []
    for ath, date in args.flare_up:
        aid, day = athlete_id(s, ath, "--flare-up"), _date(date, "--flare-up")
        # the day's logged pain and notes kept with it, as the app's Move Today and board menu
        # keep them (the CLI's left the injury history a bare date)
        out.append(E.RecordFlareUp(athlete=aid, date=day, note=flare_note(s, aid, day), later=later))
    if args.flare_up and getattr(args, "later_stages", None) is None:
        for edit in out:
            if said := edit.later_records(s):
                raise InputError(f"--flare-up {edit.athlete} {edit.date.isoformat()}", [
                    f"stage changes are recorded after it ({said}), most likely accepted when "
                    f"today moved, before the flare-up was known; add --later-stages drop to "
                    f"remove them (the plan projects them again from the flare-up), or "
                    f"--later-stages keep to keep them"])
    out += _injury_edits(s, args.injury)
    for ath, stage, date in getattr(args, "stage", ()):  # 'record' only: the rehab history
        out.append(_built("--stage", E.RecordStage, athlete=athlete_id(s, ath, "--stage"),
                          stage=stage.strip().upper(), start=_date(date, "--stage")))
    out += [_test_edit(s, spec) for spec in getattr(args, "test", ())]  # 'record' only
    for ath, speed in getattr(args, "max_speed", ()):  # 'record' only: a max speed measured
        out.append(E.UpdateAthlete(athlete=athlete_id(s, ath, "--max-speed"),
                                   max_speed=_max_speed(ath, speed)))
    for ath, stage, date in args.stage_start:
        aid, day = athlete_id(s, ath, "--stage-start"), _date(date, "--stage-start")
        out.append(E.AddPin(pin=_built(
            "--stage-start", StagePin, athlete=aid, stage=stage.strip().upper(), date=day)))
    for ath, date in getattr(args, "left", ()):  # 'record' only: the squad as it is
        out.append(E.LeaveSquad(athlete=athlete_id(s, ath, "--left"), leaves=_date(date, "--left")))
    for ath, a, b, reason in unavailable_specs(args):
        aid, first, last = athlete_id(s, ath, "--unavailable"), _date(a, "--unavailable"), _date(b, "--unavailable")
        out.append(E.AddUnavailability(unavailability=_built(
            "--unavailable", Unavailability, athlete=aid, start=first, end=last,
            reason=reason or getattr(args, "reason", "What-if"))))
    return out


def unavailable_specs(args) -> list[tuple[str, str, str, str]]:
    """``--unavailable ATHLETE FROM TO [REASON]`` as (athlete, from, to, reason); the reason may
    be several words unquoted ("" when not given)."""
    out = []
    for spec in args.unavailable:
        if len(spec) < 3:
            raise InputError("--unavailable", [f"{' '.join(spec)!r}: give ATHLETE FROM TO and, if "
                                               f"you like, a REASON (e.g. --unavailable A07 "
                                               f"2026-10-20 2026-10-22 ill)"])
        out.append((spec[0], spec[1], spec[2], " ".join(spec[3:]).strip()))
    return out


def _test_edit(s, spec: list[str]):
    """``--test ATHLETE "TEST NAME" VALUE DATE``: the criteria result as the Injuries editor
    records it (planner.edits.RecordCriteriaTest), to the injury governing DATE; the test and its
    pass mark read as the editor reads them (planner.criteria.result_criterion), the value
    checked as the editor checks it."""
    from planner import edits as E
    from planner.criteria import episode_start, offered_criteria, result_criterion
    from planner.protocols import load_protocol, protocol_name
    from planner.rehab import governing
    from planner.season import CriteriaTest
    from planner.text import measure
    from planner.validate import test_value_problem

    ath, name, value, date = spec
    shown = " ".join(shlex.quote(x) for x in spec)
    aid, when = athlete_id(s, ath, "--test"), _date(date, "--test")
    if (why := E.no_injury_problem(s, aid, when)) is not None:
        raise InputError("--test", [f"{shown}: {why}"])
    inj = governing(s.injuries_of(aid), when)
    proto = load_protocol(inj.protocol)
    found = result_criterion(proto, inj, name, when)
    if found is None:
        held = episode_start(inj, proto, when)
        offered = offered_criteria(proto, held[0] if held else proto.stage_ids[0])
        of = protocol_name(inj.protocol).lower() + (f" (the injury of {day_long(inj.onset)})"
                                                   if len(s.injuries_of(aid)) > 1 else "")
        raise InputError("--test", [f"{shown}: {_no_test_words(proto, offered, name, of)}"])
    c = found[1]
    number = _test_value(value, c)
    if number is None or (problem := test_value_problem(c, number)) is not None:
        fix = (f"{_clip(value)!r} is not a number; give the result as a number, e.g. "
               f"{c.pass_mark:g} for {measure(c.pass_mark, c.unit)}" if number is None else problem)
        raise InputError("--test", [f"{shown}: {fix}"])
    return E.RecordCriteriaTest(athlete=aid, test=CriteriaTest(date=when, name=c.name,
                                                               value=number, unit=c.unit))


def _no_test_words(proto, offered, name: str, of: str) -> str:
    """Why ``name`` is no test of the injury ``of`` to record, with the fix: the test it seems a
    misspelling of, else the tests offered."""
    from planner.criteria import near_criterion

    if not offered:
        return f"{_clip(name)!r} cannot be recorded: the {of} protocol has no criteria test"
    close = near_criterion(proto, name)
    fix = (f"did you mean {close!r}?" if close else "its tests are " + "; ".join(
        f"{c.name!r} ({sid})" for sid, c in offered) + " (the name in quotes)")
    return f"{_clip(name)!r} is not a criteria test of {of}; {fix}"


def _test_value(text: str, crit) -> float | None:
    """``--test``'s VALUE as a number: 68, 68 % or 68%, 2/10 for a pain score (None: no number)."""
    bare = text.strip().removesuffix(crit.unit).strip() if crit.unit else text.strip()
    try:
        return float(bare.replace(",", "."))
    except ValueError:
        return None


def _max_speed(athlete: str, text: str) -> float:
    """``--max-speed``'s SPEED in m/s, read as the Squad editor and the workbook read a max
    speed (``planner.coachform.cells.parse_max_speed``: m/s, or km/h)."""
    from planner.coachform.cells import Bad, parse_max_speed

    try:
        return parse_max_speed(text)[0]
    except Bad as e:
        raise InputError("--max-speed", [f"{_clip(athlete)} {_clip(text)}: "
                                         f"{str(e).removesuffix(' (or leave it empty)')}"]) from None


def _rule_number(spec: str, key: str, rule: str, param: str, value: str) -> float:
    """``--rule``'s VALUE as a number, a decimal comma read as a point (``1,4`` is 1.4, as the
    app's Rules panel reads it); a number that may hold a thousands separator (``20,000`` or
    ``20.000``: 20000 or 20?) refused with both readings (planner.coachform.cells.grouping_problem,
    as the workbook says it), unless the setting is a decimal below 1000 (LD-1's ACWR: ``1.125``)."""
    from planner.coachform.cells import grouping_problem
    from planner.rules import RULES

    known = RULES.get(rule)
    p = next((x for x in (known.params if known else ()) if x.name == param), None)
    grouped = None if p is not None and not p.integer and p.max < 1000 else grouping_problem(value)
    if grouped is not None:
        raise InputError("--rule", [f"{_clip(spec)!r}: {grouped}"])
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = float("nan")
    if number != number or number in (float("inf"), float("-inf")):
        example = f" (e.g. {key}={p.default:g}, its default)" if p is not None else ""
        raise InputError("--rule", [f"{_clip(spec)!r}: {_clip(value)!r} is not a number; "
                                    f"write a number after '='{example}"])
    return number


def _rule_change_problem(season, key: str, rule: str, param: str, number: float) -> None:
    """Refuse a rule value the change cannot mean (planner.rules.change_problem)."""
    from planner.rules import change_problem

    problem = change_problem(season.rules, rule, param, number)
    if problem is not None:
        fix = ("change it in the app's Rules panel (names, comma-separated)" if "list" in problem
               else "give another value")
        raise InputError("--rule", [f"{key} {problem}; {fix}"])


def _rule_id(written: str) -> str:
    """A rule's id as the rule set writes it, whatever the case (``hv-2`` is HV-2)."""
    from planner.rules import RULES

    return next((r for r in RULES if r.casefold() == written.casefold()), written)


def _rule_mode_edit(season, spec: str, rule: str, mode: str):
    """``--rule HV-1.mode=off``: a soft rule made hard or off, or soft again (the app's Rules
    panel does the same); a hard rule has no mode."""
    from planner import edits as E
    from planner.rules import RULES

    known = RULES.get(rule)
    if known is None:
        raise InputError("--rule", [f"{_clip(spec)!r}: no rule is called {_clip(rule)!r}; the "
                                    f"rules are {', '.join(RULES)}"])
    if known.hard:  # a hard rule is always hard: "Make HV-2 hard" would change nothing
        raise InputError("--rule", [f"{_clip(spec)!r}: {rule} is a hard rule, always kept; only "
                                    f"a soft rule's mode is set (soft, hard or off)"])
    if mode not in ("soft", "hard", "off"):
        raise InputError("--rule", [f"{_clip(spec)!r}: a rule's mode is soft, hard or off (e.g. "
                                    f"{rule}.mode=off)"])
    if season.rules.modes.get(rule, "soft") == mode:
        raise InputError("--rule", [f"{rule} is {mode} already; give another mode"])
    return E.SetRuleMode(rule=rule, mode=mode)


def _workable_order(season, edits: list) -> list:
    """The rule changes in an order in which each holds: the load table's values are checked
    against each other as each is set (a faster day no easier than a slower one, a deload no
    longer than a load week), so 'LD-1.rpe_70=7 LD-1.rpe_80=8 LD-1.rpe_90=9' was refused at its
    first value although the three hold together. The given order when none works (the first
    refusal is then said as before)."""
    pending, done, s = list(edits), [], season
    while pending:
        for e in pending:
            try:
                s = e.apply(s)
            except InputError:
                continue
            done.append(e)
            pending.remove(e)
            break
        else:
            return edits
    return done


def _days(text: str, what: str) -> list[dt.date]:
    """DATE or FIRST..LAST, every day of it."""
    first, dots, last = (x.strip() for x in text.partition(".."))
    a = _date(first, what)
    b = _date(last, what) if dots else a
    if b < a:
        raise InputError(what, [f"{_clip(text)!r} ends before it starts; write FIRST..LAST"])
    if (b - a).days > 366:
        raise InputError(what, [f"{_clip(text)!r} is more than a year of days; check the dates"])
    return [a + dt.timedelta(days=k) for k in range((b - a).days + 1)]


def _runs_words(days: list[dt.date]) -> str:
    """``days`` (in order) in runs of consecutive days: ``21–23 Dec 2026 and 31 Dec 2026``."""
    from planner.text import join_and, runs, span

    return join_and([span(r[0], r[-1]) for r in runs(days, lambda a, b: (b - a).days == 1)])


def _days_off_new(season_off: set[dt.date], given: set[dt.date], text: str) -> list[dt.date]:
    """The days of ``--day-off``'s DATE[..LAST] not yet off, as the Days Off editor adds a
    stretch. The season's days off (``season_off``) are kept as they are, and said (a winter
    break over the Christmas days off); a single day the season has off, or a stretch it has all
    off, is refused. A day ``given`` by an earlier ``--day-off`` of the command is said and added
    once, with that one's reason; the days returned join ``given``."""
    from planner.text import date_long, plural, span

    days = _days(text, "--day-off")
    if all(d in season_off for d in days):
        what = date_long(days[0]) if len(days) == 1 else f"every day of {span(days[0], days[-1])}"
        raise InputError("--day-off", [f"{what} is a non-training day already; give a day "
                                       f"that is not off"])
    new = [d for d in days if d not in season_off and d not in given]
    earlier = [d for d in days if d in given and d not in season_off]
    off = [d for d in days if d in season_off]
    said = []
    if earlier:
        said.append(f"{_runs_words(earlier)} given by an earlier --day-off of this command, "
                    f"added once")
    if off:
        one = len(off) == 1
        said.append(f"{_runs_words(off)} {'is a non-training day' if one else 'are non-training days'}"
                    f" already, kept as {'it is' if one else 'they are'}")
    if said and new:
        said.append(f"{plural(len(new), 'day')} of {span(days[0], days[-1])} added")
    if said:
        print(f"Note: --day-off: {'; '.join(said)}", file=sys.stderr)
    given.update(new)
    return new


def _day_off_edits(season, args) -> list:
    """--day-off DATE[..LAST] [REASON] and --remove-day-off DATE[..LAST]: the Days Off editor's
    edits (a day already off is left as it is: :func:`_days_off_new`)."""
    from planner import edits as E
    from planner.season import NonTrainingDay
    from planner.validate import DAY_OFF_FIX, competitions_on, day_off_words

    out: list = []
    season_off = {x.date for x in season.calendar.non_training_days}
    given: set[dt.date] = set()  # by the command's --day-off so far
    for spec in getattr(args, "day_off", ()):
        reason = " ".join(spec[1:]).strip()
        for day in _days_off_new(season_off, given, spec[0]):
            out.append(_built("--day-off", E.AddNonTrainingDay,
                              day=_built("--day-off", NonTrainingDay, date=day, reason=reason)))
            # said as the Days Off editor says it: the match stands, the day off takes training
            words = day_off_words(day, competitions_on(season, day), reason)
            if words is not None:
                print(f"Note: --day-off: {words}; {DAY_OFF_FIX}.", file=sys.stderr)
    for spec in getattr(args, "remove_day_off", ()):
        out += [E.RemoveNonTrainingDay(date=day) for day in _days(spec, "--remove-day-off")]
    return out


def _rule_and_pin_edits(season, args) -> list:
    from planner import edits as E
    from planner.season import LEVELS, IntensityPin

    out: list = _day_off_edits(season, args)
    for spec in args.rule:
        try:
            key, value = spec.split("=", 1)
            rule, param = key.rsplit(".", 1)
        except ValueError:
            raise InputError("--rule", [f"{_clip(spec)!r} is not RULE.PARAM=VALUE (e.g. HV-2.max_speed_days=1)"]) from None
        rule = _rule_id(rule.strip())
        key = f"{rule}.{param.strip()}"
        if param.strip().casefold() == "mode":  # a soft rule's mode: soft, hard or off
            out.append(_rule_mode_edit(season, spec, rule, value.strip().casefold()))
            continue
        number = _rule_number(spec, key, rule, param.strip(), value.strip())
        _rule_change_problem(season, key, rule, param.strip(), number)
        out.append(E.SetRuleValue(rule=rule, param=param.strip(), value=number))
    out = _workable_order(season, out)
    out += _unpin_edits(season, args)  # before the pins: --unpin A05 D --pin A05 D 80 re-pins
    levels = ", ".join(map(str, LEVELS))
    for ath, date, level in args.pin:
        try:
            lvl = int(level.strip().rstrip("%"))
        except ValueError:
            lvl = None
        if lvl not in LEVELS:
            raise InputError("--pin", [f"{_clip(level)!r} is not an intensity level; use one of {levels}"])
        aid, day = athlete_id(season, ath, "--pin"), _date(date, "--pin")
        out.append(E.AddPin(pin=_built("--pin", IntensityPin, athlete=aid, date=day, intensity=lvl)))
    return out


def _unpin_edits(season, args) -> list:
    """``--unpin ATHLETE DATE`` and ``--unpin-week DATE``: the season's pin of that athlete-day
    (or of the team's week holding DATE) removed, as the board's "Unpin …" item removes it; no
    such pin, or one before today (the past keeps what happened), refused with the pins there are."""
    from planner import edits as E
    from planner.text import date_long
    from planner.timeline import Timeline
    from planner.validate import planning_start

    out: list = []
    today = planning_start(season) if season.calendar.today is not None else None
    seen: set = set()  # a pin removed twice: "there is no such pin", naming nothing
    for ath, date in getattr(args, "unpin", ()):
        aid, day = athlete_id(season, ath, "--unpin"), _date(date, "--unpin")
        if (aid, day) in seen or seen.add((aid, day)):
            raise InputError("--unpin", [f"{ath} {date} is given twice in one command; give it once"])
        pin = next((p for p in season.pins if p.kind == "intensity" and p.athlete == aid
                    and p.date == day), None)
        if pin is None:
            have = sorted(p.date for p in season.pins if p.kind == "intensity" and p.athlete == aid)
            where = (f"; their pins are on {', '.join(x.isoformat() for x in have)}" if have else
                     "; they have no intensity pin")
            raise InputError("--unpin", [f"{ath} {date}: {season.athlete_label(aid)} has no pin on "
                                         f"{date_long(day)}{where}"])
        if today is not None and day < today:
            raise InputError("--unpin", [f"{ath} {date}: {date_long(day)} is before today "
                                         f"({today.isoformat()}), and the past keeps what "
                                         f"happened; unpin a day from today on"])
        out.append(E.RemovePin(pin=pin))
    tl = Timeline(season)
    for date in getattr(args, "unpin_week", ()):
        day = _date(date, "--unpin-week")
        w = tl.week_index_of_date(day)
        if w is None:  # as --pin-week says it
            cal = season.calendar
            raise InputError("--unpin-week", [f"{date}: {date_long(day)} is not in the season "
                                              f"({date_long(cal.start)} to {date_long(cal.end)})"])
        if w is not None and (("week", w) in seen or seen.add(("week", w))):
            raise InputError("--unpin-week", [
                f"{date}: the week of {date_long(tl.days[tl.weeks[w].first])} is given twice in "
                f"one command; give it once"])
        pin = next((p for p in season.pins if p.kind == "week" and p.athlete is None
                    and w is not None and tl.week_index_of_date(p.week) == w), None)
        if pin is None:
            raise InputError("--unpin-week", [f"{date}: the team's week of {date_long(day)} is not "
                                              f"pinned"])
        if today is not None and tl.days[tl.weeks[w].last] < today:
            raise InputError("--unpin-week", [f"{date}: the week of {date_long(day)} is over, and "
                                              f"the past keeps what happened"])
        out.append(E.RemovePin(pin=pin))
    return out


def _week_pin_edits(season, args) -> list:
    """``--pin-week DATE KIND``: the team's week holding DATE pinned as KIND, as the board pins it
    (on the week's first day); a week of no season, or one over before today, refused."""
    from planner import edits as E
    from planner.scenarios import week_lived
    from planner.season import WeekPin
    from planner.text import date_long
    from planner.timeline import Timeline
    from planner.validate import planning_start

    tl, cal, out = Timeline(season), season.calendar, []
    for date, kind in getattr(args, "pin_week", ()):
        day, what = _date(date, "--pin-week"), kind.strip().casefold()
        if what not in ("load", "deload", "taper"):
            raise InputError("--pin-week", [f"{_clip(kind)!r} is not a week kind; use load, deload "
                                            f"or taper"])
        if (w := tl.week_index_of_date(day)) is None:
            raise InputError("--pin-week", [f"{date}: {date_long(day)} is not in the season "
                                            f"({date_long(cal.start)} to {date_long(cal.end)}); give "
                                            f"a day of the week to pin"])
        first, last = tl.days[tl.weeks[w].first], tl.days[tl.weeks[w].last]
        if cal.today is not None and last < planning_start(season):
            raise InputError("--pin-week", [f"{date}: the week of {date_long(first)} is over, and "
                                            f"the past keeps what happened; pin a week from "
                                            f"today's on"])
        if (lived := week_lived(season, tl, w)) is not None:
            nxt = tl.days[tl.weeks[w + 1].first] if w + 1 < len(tl.weeks) else None
            raise InputError("--pin-week", [
                f"{date}: the week of {date_long(first)} is under way: its first days were lived "
                f"as a {lived} week, and the rest of it stays one (the plan keeps a week's kind "
                f"whole); " + (f"pin the week of {date_long(nxt)} or a later one" if nxt
                               else "it is the season's last week")])
        out.append(E.AddPin(pin=WeekPin(week=first, week_kind=what)))
    return out


def _injury_edits(season, specs: list[list[str]]) -> list:
    from planner import edits as E
    from planner.coachform.records import protocol_by_name
    from planner.protocols import available_protocols
    from planner.scenarios import matches_lost_to_injury

    out = []
    for spec in specs:
        if len(spec) not in (3, 4):
            raise InputError("--injury", [f"{' '.join(spec)!r}: give ATHLETE PROTOCOL DATE and, if "
                                          f"you like, STAGE (e.g. --injury A07 hamstring-strain "
                                          f"2026-10-20 P1)"])
        ath, written, date = spec[:3]
        # an id or a name, as the coach workbook reads one ("hamstring strain", "Ankle sprain")
        proto = written if written in available_protocols() else protocol_by_name(written)
        if proto is None:
            raise InputError("--injury", [f"{_clip(written)!r} is not a protocol; use one of "
                                          f"{', '.join(available_protocols())}"])
        stage = spec[3].strip().upper() if len(spec) == 4 else None
        aid, onset = athlete_id(season, ath, "--injury"), _date(date, "--injury")
        if (taken := E.onset_taken(season, aid, onset)) is not None:
            raise InputError("--injury", [f"{taken}; to change it, give --stage-start or --flare-up "
                                          f"for {aid}, or give the new one another DATE"])
        if any(e.athlete == aid and e.onset == onset for e in out):
            raise InputError("--injury", [f"{season.athlete_label(aid)} is given two injuries from "
                                          f"{day_long(onset)}; give one of them another DATE"])
        out.append(_built("--injury", E.AddInjury, athlete=aid, protocol=proto, onset=onset, stage=stage))
        lost = matches_lost_to_injury(season, aid, onset)
        if lost:  # as the New Scenario dialog says it
            after = (onset + dt.timedelta(days=1)).isoformat()
            print(f"Note: {onset.isoformat()} is the day of {', '.join(repr(c.name) for c in lost)}: "
                  f"injured from that day, {season.athlete_label(aid)} does not play it. Hurt "
                  f"during the match? Give the day after ({after}), so the match counts as played.")
    return out


def _replayable(season, sc, path: str) -> None:
    """The stored scenario's edits apply to the season as it is; else InputError naming the
    edit, with the way out (a hand-edited edit, or a season changed under the scenario)."""
    from planner.scenarios import changes_nothing, check_scenario_today, scenario_season

    try:
        check_scenario_today(season, sc)
        scenario_season(season, sc.model_copy(update={"plan": None}))
    except InputError as e:
        if e.note:
            raise
        raise InputError(e.source, e.problems, e.more, note=(
            f"The scenario '{sc.name}' does not apply to the season as it is: correct that edit "
            f"in the season file, or delete the scenario (periodize whatif {shlex.quote(path)} "
            f"--delete {shlex.quote(sc.name)}) and make it again with --new.")) from None
    if why := changes_nothing(season, sc):  # not re-planned: its search would change no day
        raise InputError(f"scenario '{sc.name}'", [
            f"{why}; not re-planned: delete it (periodize whatif {shlex.quote(path)} --delete "
            f"{shlex.quote(sc.name)}), or make a new one from today on"])


def cmd_whatif(args) -> int:
    from pathlib import Path

    from planner import edits as E
    from planner.scenarios import check_scenario_today, describe_edits, find, scenario_season
    from ui.cli import outputs
    from ui.cli.commands import read_season

    only_one("whatif", [("--list", args.list), ("--delete NAME", args.delete),
                        ("--adopt NAME", args.adopt),
                        ("--scenario NAME", args.scenario), ("--new NAME", args.new)])
    # all but --list, --delete and --adopt plan the baseline or a scenario
    season = read_season(args.season, to_plan=not (args.list or args.delete is not None
                                                    or args.adopt is not None))
    outputs.save_target(args, season)
    if args.list:
        return _list(season, describe_edits)
    if args.delete is not None:
        return _delete(season, args)
    if args.adopt is not None:
        return _adopt(season, args)
    _check_names(args)
    if bool(args.scenario) == bool(args.new):
        raise InputError("whatif", ["give either --scenario NAME (an existing scenario) or --new NAME "
                                    "with edit options; --list shows the scenarios"])
    if args.xlsx:
        outputs.guard({"compare": outputs.out_path(args.xlsx, "comparison workbook")},
                      {"season file": Path(args.season)}, replace=args.replace)
    if args.scenario and edits_from_args(season, args):
        # they were ignored: the stored scenario was re-planned as it was
        raise InputError("--scenario", [f"edit options build a new scenario; give them with --new "
                                        f"NAME, or leave them out to re-plan '{args.scenario}' as "
                                        f"it is"])
    edits: list[dict] = []
    if args.new:  # checked before any solve: a mistyped option fails at once
        _built("--new", E.AddScenario, name=args.new, edits=())
        for option, problems in _no_change(season, args):  # said by option, before the edits
            raise InputError(option, problems)
        edits = edits_from_args(season, args)  # once: an injury's note is said once
    else:  # a stored scenario that no longer applies fails before the baseline is planned
        _replayable(season, find(season, args.scenario), args.season)
    season, failed = _with_baseline_plan(season, args)
    if failed is not None:
        return failed
    if args.new:  # the baseline's plan changes none of the edits
        if not edits:
            raise InputError("whatif", ["--new needs at least one edit option (e.g. --move-competition, "
                                        "--flare-up, --unavailable); see --help"])
        season = _built("--new", E.AddScenario, name=args.new, edits=tuple(edits)).apply(season)
    sc = find(season, args.new or args.scenario)
    print(f"Scenario '{sc.name}':")
    for line in describe_edits(season, sc):
        print(f"  - {line}")
    check_scenario_today(season, sc)
    _say_stale(season, args.season)
    after = scenario_season(season, sc.model_copy(update={"plan": None}))
    baseline = season.model_copy(update={"scenarios": ()})
    from solver import StopToken
    from solver.whatif import replan_scenario  # OR-Tools, only now
    from ui.cli.interrupt import interruptible

    stop = StopToken()
    with interruptible(stop, "the re-plan") as ctrl_c:
        out = replan_scenario(baseline, after, season.plan, time_limit=args.time_limit,
                              deterministic=args.deterministic, stop=stop)
    print(f"Re-plan: {out.status.value} in {out.wall_time:.2f} s — {out.message}")
    if out.plan is None:
        return _replan_failed(out, ctrl_c.interrupted, args, sc.name, (baseline, after))
    if ctrl_c.interrupted:
        print("Interrupted: the re-plan below is the best found so far.", file=sys.stderr)
    _report(args, season, sc, baseline, after, out.plan, out.penalties.get("STAB", 0))
    return 0


def _replan_failed(outcome, interrupted: bool, args, name: str, seasons=None) -> int:
    """The re-plan found no plan: why (``_no_plan``) and the way on a solve gives, in the
    scenario's words (``seasons``: the baseline and the scenario's season), and with ``--save``
    of an infeasible one, that nothing was stored (a time limit or an interrupt says "nothing
    was written" already)."""
    from planner.scenarios import scenario_way_on

    status = _no_plan(outcome, interrupted, args.time_limit, "re-plan")
    if outcome.status.value == "infeasible" and seasons is not None:
        for r in outcome.remedies:  # as print_conflicts says a solve's
            said = scenario_way_on(*seasons, r)
            if said is None:  # a fact to record in the season, not in a scenario
                continue
            if said.split(" ", 1)[0] in ("If", "Only", "The"):  # not an athlete's name
                said = said[:1].lower() + said[1:]
            print(f"A way on: {said}", file=sys.stderr)
    if args.save and outcome.status.value == "infeasible":
        print(_not_stored(name, args.season, stored=bool(args.scenario)), file=sys.stderr)
    return status


def _not_stored(name: str, path: str, stored: bool) -> str:
    """``--save`` of a scenario whose re-plan is infeasible: what the file holds (a new scenario
    is not in it; a stored one keeps what it had) and the way on."""
    if stored:
        return (f"Not stored: the re-plan is infeasible; scenario '{name}' stays in {path} as it "
                f"was. Change what the list above names, or delete it (--delete {shlex.quote(name)}).")
    return (f"Not stored: the re-plan is infeasible; scenario '{name}' is not in {path}. Change "
            f"its edits (the list above names the rules in the way) and run --new again.")


def _say_stale(season, path: str) -> None:
    """The stored plan breaking hard rules of the season as it is now (a flare-up recorded, not
    re-planned), or made without days logged since (``periodize log --no-replan``): the
    comparison counts that re-plan too, said before it as the app says it
    (``planner.scenarios.stale_plan_words``)."""
    from planner.check import check_plan
    from planner.scenarios import stale_plan_words

    if season.plan is None:
        return
    broken = len(check_plan(season, season.plan).broken())
    how = f"Re-plan (periodize solve {shlex.quote(path)} --save)"
    if said := stale_plan_words(season, broken, how):
        print(f"Note: {said}")


def _check_names(args) -> None:
    for option, name in (("--new", args.new), ("--scenario", args.scenario)):
        if name is not None and not name.strip():
            raise InputError(option, ["the scenario name is empty; give it a name, e.g. "
                                      "'Final a week earlier'"])


def _delete(season, args) -> int:
    """``--delete NAME``: the scenario out of the season file (kept as .bak)."""

    from planner import edits as E
    from planner.scenarios import find
    from ui.cli.outputs import store_season

    sc = find(season, args.delete)
    from ui.cli.outputs import kept_words

    aside = store_season(E.DeleteScenario(name=sc.name).apply(season), args.season)
    print(f"Deleted scenario '{sc.name}' from {args.season}{kept_words(args.season, aside=aside)}")
    return 0


def _adopt(season, args) -> int:
    """``--adopt NAME``: the scenario's changes and plan become the season's (as the app's Adopt),
    only with a plan made for the season as it is now."""
    from planner import edits as E
    from planner.scenarios import changes_nothing, find, out_of_date, overtaken
    from ui.cli.outputs import kept_words, store_season

    sc = find(season, args.adopt)
    delete = f"periodize whatif {shlex.quote(args.season)} --delete {shlex.quote(sc.name)}"
    past = overtaken(season, sc)  # re-planning it is refused too: as --list says, delete it
    if past:
        raise InputError("--adopt", [f"scenario '{sc.name}' can no longer apply: {past}; delete it "
                                     f"({delete})"])
    nothing = changes_nothing(season, sc)  # --scenario refuses to re-plan it: as --list says
    if nothing:
        raise InputError("--adopt", [f"scenario '{sc.name}' changes nothing now: {nothing}; "
                                     f"delete it ({delete})"])
    again = f"periodize whatif {shlex.quote(args.season)} --scenario {shlex.quote(sc.name)} --save"
    if sc.plan is None:
        raise InputError("--adopt", [f"scenario '{sc.name}' is not planned yet: re-plan it first "
                                     f"({again}), then adopt it"])
    why = out_of_date(season, sc, way_on=False)
    if why:
        raise InputError("--adopt", [f"scenario '{sc.name}' was {why}: re-plan it first "
                                     f"({again}), then adopt it"])
    aside = store_season(E.AdoptScenario(name=sc.name).apply(season), args.season)
    print(f"Adopted scenario '{sc.name}': its changes and its plan are now the season's, in "
          f"{args.season}{kept_words(args.season, aside=aside)}")
    return 0


def _no_change(season, args) -> list[tuple[str, list[str]]]:
    """Edits that cannot change a plan (they went in as a scenario that changed 0 days): a pin
    before today (the past keeps what happened) and an injury or absence after the season (an
    absence from before today is refused by its edit)."""
    from planner.scenarios import next_season_words
    from planner.validate import planning_start

    today, end = planning_start(season), season.calendar.end
    out = []

    def date(text: str) -> dt.date | None:
        from planner.text import read_date

        return read_date(text)

    pins = [f"{a} {d}: {d} is before today ({today.isoformat()}), and the past keeps what "
            f"happened; pin a day from today on" for a, d, _lv in args.pin
            if (when := date(d)) is not None and when < today]
    injuries = [f"{' '.join(spec)}: {spec[2]} is after the season ends ({end.isoformat()})"
                for spec in args.injury if len(spec) >= 3 and (when := date(spec[2])) is not None
                and when > end]
    away = [f"{a} {x}..{y}: it starts after the season ends ({end.isoformat()}); "
            f"{next_season_words(season)}"
            for a, x, y, _why in unavailable_specs(args)
            if (fx := date(x)) is not None and (fy := date(y)) is not None and end < fx <= fy]
    for option, problems in (("--pin", pins), ("--injury", injuries), ("--unavailable", away)):
        if problems:
            out.append((option, problems))
    return out


def _no_plan(outcome, interrupted: bool, time_limit: float, what: str) -> int:
    """Say why there is no plan (the conflicting rules, the time limit or the interrupt) on
    stderr; the exit status (2 infeasible, 4 stopped without a plan)."""
    from ui.cli.commands import EXIT_INFEASIBLE, EXIT_NO_PLAN

    if outcome.status.value == "infeasible":
        for c in outcome.explanation:
            print(f"  - {c.text}", file=sys.stderr)
        return EXIT_INFEASIBLE
    if interrupted:
        print(f"Interrupted before the {what} found a plan; nothing was written.", file=sys.stderr)
    else:
        print(f"No plan found for the {what} within the time limit of {time_limit:g} s; nothing "
              f"was written. Allow more time with --time-limit.", file=sys.stderr)
    return EXIT_NO_PLAN


def _list(season, describe_edits) -> int:
    if not season.scenarios:
        print("No scenarios yet. Define one with --new NAME and edit options.")
    from planner.scenarios import changes_nothing, out_of_date, overtaken

    for sc in season.scenarios:
        # a change dated before today: re-planning it is refused, so "re-plan it" is no way on
        past = overtaken(season, sc)
        nothing = "" if past else changes_nothing(season, sc)
        why = "" if past or nothing else out_of_date(season, sc)  # "(planned)" above "Out of date" read as a contradiction
        state = ("can no longer apply" if past else "changes nothing now" if nothing
                 else "not planned" if not sc.plan else "plan out of date" if why else "planned")
        print(f"{sc.name} ({state})")
        if past:
            print(f"  Can no longer apply: {past}. Delete it (--delete {shlex.quote(sc.name)})")
        elif nothing:
            print(f"  Changes nothing now: {nothing}. Delete it (--delete {shlex.quote(sc.name)})")
        elif why:
            print(f"  Out of date: {why} (--scenario '{sc.name}' --save; or --delete '{sc.name}')")
        for line in describe_edits(season, sc):
            print(f"  - {line}")
    return 0


def _with_baseline_plan(season, args):
    """The season with a plan (solved first when it has none), and None; or the season and the
    exit status when the baseline has no plan."""
    if season.plan is not None:
        return season, None
    from planner.limits import size_warning
    from solver import SolveRequest, StopToken, solve  # OR-Tools, only now
    from ui.cli.interrupt import interruptible

    print("The season has no plan yet; planning the baseline first ...", file=sys.stderr)
    warning = size_warning(season, args.time_limit)
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
    stop = StopToken()
    with interruptible(stop, "planning the baseline") as ctrl_c:
        base = solve(SolveRequest(season, time_limit=args.time_limit, deterministic=args.deterministic),
                     stop=stop)
    if base.plan is None:
        if base.status.value == "infeasible":
            print(f"The baseline has no plan: {base.message}", file=sys.stderr)
        return season, _no_plan(base, ctrl_c.interrupted, args.time_limit, "baseline")
    if ctrl_c.interrupted:
        print("Interrupted: the baseline is the best plan found so far; the scenario is "
              "not re-planned.", file=sys.stderr)
        from ui.cli.commands import EXIT_NO_PLAN

        return season, EXIT_NO_PLAN
    return season.model_copy(update={"plan": base.plan}), None


def _report(args, season, sc, baseline, after, plan, stab: float = 0) -> None:
    """Print the comparison; write it (--xlsx) and store the scenario (--save) when asked.
    ``stab``: the re-plan's penalty for the days it changed (STAB)."""
    from planner import edits as E
    from planner.scenarios import compare, describe_edits
    from ui.cli.outputs import store_season

    comp = compare(baseline, season.plan, after, plan, "baseline", f"'{sc.name}'", stab_b=stab)
    print()
    print(comp.text())
    if args.xlsx:
        from pathlib import Path

        from planner.xlsx_compare import export_comparison
        from ui.cli import outputs

        backup = outputs.keep_backups({"compare": Path(args.xlsx)})
        export_comparison(args.xlsx, comp, baseline, season.plan, after, plan,
                          describe_edits(season, sc), backup="compare" in backup)
        print(f"Wrote the comparison to {args.xlsx}")
        outputs.say_kept("compare", Path(args.xlsx), backup)
    if args.save:
        season = E.SetScenarioPlan(name=sc.name, plan=plan).apply(season)
        aside = store_season(season, args.season)
        from ui.cli.outputs import kept_words

        print(f"Stored scenario '{sc.name}' and its plan in {args.season}"
              f"{kept_words(args.season, aside=aside)}")
