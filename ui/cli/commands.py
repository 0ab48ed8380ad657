"""The ``periodize`` commands. Each imports what it needs when it runs: the solver (OR-Tools)
only in the commands that solve, the desktop app (Qt) only for ``open``."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from planner.errors import InputError, PeriodizeError
from ui.cli import outputs

EXIT_OK, EXIT_INPUT, EXIT_INFEASIBLE, EXIT_VIOLATIONS, EXIT_NO_PLAN = 0, 1, 2, 3, 4


def _flare_option(p, season=None) -> str:
    """``--flare-up A07 2026-09-10``, with ``--later-stages drop`` when ``season`` records stage
    changes after it (refused without it)."""
    from planner import edits as E

    option = f"--flare-up {p.athlete} {p.date.isoformat()}"
    if season is not None and E.RecordFlareUp(athlete=p.athlete, date=p.date).later_records(season):
        option += " --later-stages drop"
    return option


def _waits(p, season, move_to) -> bool:
    """Whether the flare-up ``p`` proposes is recorded in steps (``flare_order``): it lies after
    the file's today (refused until today reaches it), or on it with a move of today still to
    come (moving first, with --accept, would record the stage changes projected past it)."""
    from planner.validate import planning_start

    if season is None:
        return False
    start = planning_start(season)
    return p.date > start or (p.date == start and move_to is not None and move_to > start)


def flare_hint(path, p, season=None, move_to=None) -> str:
    """How to record a proposed flare-up ``p`` from the command line (or see it first); with
    stage changes recorded after it in ``season``, the command says to drop them (it was
    refused without --later-stages). One on or after the file's today, or on it while today is
    still to move to ``move_to``, points to the commands of ``flare_order``, said below it."""
    option = _flare_option(p, season)
    path = shlex.quote(str(path))
    see = f"see what it changes first: periodize whatif {path} --new 'Flare-up' {option}"
    if _waits(p, season, move_to):
        from planner.text import day_long
        from planner.validate import now_words

        return (f"It is on or after {now_words(season, day_long)}: record it with the commands "
                f"below, in their order (or in the app's Move Today, which offers it); {see}")
    return f"Record it (Log panel in the app, or: periodize record {path} {option} --save); {see}"


def flare_order(path, proposals, season, move_to=None, accept: bool = True) -> list[str]:
    """The lines that give the commands recording the flare-ups ``proposals`` propose on or
    after ``season``'s today, in an order that works: today moved to each pain's day (a
    flare-up is recorded once it happened; the stage changes projected before the pain are
    recorded with ``accept``), the flare-up recorded (re-planned from it), then today moved on
    to ``move_to``. Moving today past the pain first, with --accept, recorded the changes the
    plan had projected after the pain, before anyone knew of it. [] when none waits."""
    from planner.validate import planning_start

    waiting = sorted((p for p in proposals if _waits(p, season, move_to)), key=lambda p: p.date)
    if not waiting:
        return []
    path_q = shlex.quote(str(path))
    acc = " --accept" if accept else ""
    at = planning_start(season)
    steps = []
    for p in waiting:
        if p.date > at:
            steps.append(f"periodize advance {path_q} --today {p.date.isoformat()}{acc} --save"
                         + (" (to the day of the pain: the stage changes before it are recorded)"
                            if accept else ""))
            at = p.date
        steps.append(f"periodize record {path_q} {_flare_option(p, season)} --save")
    if move_to is not None and move_to > at:
        steps.append(f"periodize advance {path_q} --today {move_to.isoformat()}{acc} --save")
    return ["To record the flare-up" + ("s" if len(waiting) > 1 else "") + " proposed above, in "
            "this order, not by moving today in one step (a flare-up is recorded once today reaches its day; moving today past it "
            "first with --accept would record the stage changes the plan projected after it):"
            ] + [f"  {i}. {step}" for i, step in enumerate(steps, 1)]


def read_season(path: str, to_plan: bool = False, moves_today: bool = False,
                outlasted: bool = False):
    """The season file at ``path``; what it holds that a coach should hear of (a match on a day
    off, an injury after the season, a target before its injury) is said on stderr. ``to_plan``:
    the command solves, so a season without a training weekday (a file may hold one: it opens,
    with a note) is bad input, refused with the fix, not an infeasible season. ``moves_today``:
    the notes that depend on today (planner.validate.today_notes) are left to the command,
    which says them for the new today. ``outlasted``: the command solves or checks the season as
    it is, so a stage that outlasted its maximum by the season's start is refused here, with the
    file and the field, before anything else is read or said (:func:`refuse_outlasted`)."""
    notes: list[str] = []
    season = outputs.load_season(path, notes)  # remembered: a --save over it checks it first
    if to_plan:
        refuse_unplannable(season, path)
    if outlasted:
        refuse_outlasted(season, path)
    if moves_today:
        from planner.validate import today_notes

        stale = set(today_notes(season))
        notes = [n for n in notes if n not in stale]
    for note in notes:
        print(f"Note: {path}: {note}", file=sys.stderr)
    return season


def refuse_outlasted(season, path: str) -> None:
    """InputError (exit status 1), naming the file and the field, for a stage that has lasted its
    maximum days or more by the season's start (planner.validate.outlasted_at_start): the solver
    and the checker refuse it too, but without the file, after "Solving: …" was said (and
    after the plan file's notes)."""
    from planner.validate import outlasted_at_start

    if problems := outlasted_at_start(season, located=True):
        raise InputError(path, problems)


def refuse_unplannable(season, path: str) -> None:
    """InputError (exit status 1) for a season nothing can be planned in: no training weekday.
    Every command that plans refuses it so, not as an infeasible season (exit status 2), before
    it reads or changes anything else (the solver refuses it too, without the file's path)."""
    from planner.validate import unplannable_problems

    if problems := unplannable_problems(season):
        raise InputError(path, problems)


def cmd_open(args) -> int:
    from ui.desktop.app import run_app

    return run_app(args.file)  # without a display it says so (a PeriodizeError), Qt does not abort


def cmd_demo(args) -> int:
    from planner.safefile import atomic_write
    from planner.seasonfile import intact
    from templates import path

    given = [x for x in (args.file, args.output) if x]
    if len(given) != 1:
        raise InputError("demo", ["say where to write the demo season once: periodize demo "
                                  "FILE.season.json (or -o FILE.season.json)"])
    out = outputs.season_name(outputs.out_path(given[0], "demo season"))
    data = path("demo.season.json").read_bytes()
    if out.exists() and not args.replace and out.read_bytes() != data:
        raise InputError(str(out), ["exists already; writing the demo there would replace it: give "
                                    "another file name, or add --replace (the file is then kept "
                                    f"as {out.name}.bak)"])
    existed = out.is_file()
    kept = atomic_write(out, data, backup=True, private=True, sound=intact)
    aside = kept if kept is not None and not kept.name.endswith(".bak") else None
    print(f"Wrote the demo season to {out}{outputs.kept_words(out, existed, aside)}")
    return EXIT_OK


def cmd_next_season(args) -> int:
    from planner.nextseason import next_season
    from planner.text import DATE_WRITTEN, day_long, not_a_date, read_date

    days = {}
    for flag, text in (("--start", args.start), ("--end", args.end)):
        if text is not None and (days.setdefault(flag, read_date(text)) is None):
            raise InputError(flag, [f"{text!r} {not_a_date(text)}; write it as {DATE_WRITTEN}"])
    out = outputs.season_name(outputs.out_path(args.output, "season file"))
    outputs.guard({"season": out}, {"season file it follows": Path(args.season)}, saves={"season"})
    if out.exists() and not args.replace:
        raise InputError(str(out), ["exists already; writing the next season there would replace "
                                    "it: give another file name, or add --replace (the file is "
                                    f"then kept as {out.name}.bak)"])
    made = next_season(outputs.load_season(args.season), days.get("--start"), days.get("--end"),
                       args.name, shlex.quote(str(out)))
    existed = out.is_file()
    aside = outputs.store_season(made.season, out, chosen=True)
    cal = made.season.calendar
    print(f"Wrote the next season, '{made.season.name}' ({day_long(cal.start)} to "
          f"{day_long(cal.end)}), to {out}{outputs.kept_words(out, existed, aside)}; "
          f"{args.season} is unchanged.")
    for note in made.notes:
        print(f"  {note}")
    new = shlex.quote(str(out))
    print(f"Next: add its competitions (periodize record {new} --add-competition NAME DATE A|B|C "
          f"--save, one each; or the app's Season ▸ Competitions), then periodize solve {new} "
          f"--save")
    return EXIT_OK


def cmd_import(args) -> int:
    from planner.coachform.read import import_workbook
    from planner.reimport import RENUMBERED_WHY, Place, decide
    from planner.text import plural
    from planner.validate import planning_start
    from ui.cli.args import only_one

    out = outputs.out_path(args.output, "season file")
    outputs.guard({"season": out}, {"workbook": Path(args.workbook)}, saves={"season"})
    outputs.season_name(out)  # after the graver clash with the workbook itself
    notes: list[str] = []
    only_one("import", [("--keep", args.keep), ("--replace", args.replace)], each=False)
    if args.drop_unkept and not args.keep:
        raise InputError("import", ["--drop-unkept goes with --keep: periodize import "
                                    f"{shlex.quote(args.workbook)} -o {shlex.quote(str(out))} "
                                    "--keep --drop-unkept"])
    old = None if args.replace else outputs.season_there(out)
    # every problem of the workbook, or the season; a record the season file holds already (a
    # stage kept past its maximum by a declined change, section 9) reads back
    absent: set[str] = set()  # the form's sheets it has not got: kept with --keep, else said
    season = import_workbook(args.workbook, notes, known=old, absent=absent)
    place = Place("--keep", lambda day: f"Move it with: periodize advance "
                                        f"{shlex.quote(str(out))} --today {day.isoformat()} "
                                        f"--accept --save (without --accept the stage changes "
                                        f"are listed, not recorded).",
                  file=shlex.quote(str(out)))
    # the season's own workbook, nothing to keep: a later Today still waits for advance (the
    # stage changes it records), as in the app; the workbook's sheets give the squad either way
    decision = decide(old, season, place, keep=True if args.keep else None, update_own=False,
                      removed_from=old if old is not None else _season_or_none(out), absent=absent)
    if decision.renumbered:  # kept or not, their records would be lost: refused, however asked
        raise InputError(str(out), decision.renumbered,
                         note=f"{decision.changes} {RENUMBERED_WHY}, or import the workbook as a "
                              f"new season: give another file name, or add --replace (the file "
                              f"is then kept as {out.name}.bak). Nothing was written: {out.name} "
                              f"is unchanged.".lstrip())
    if decision.ask:
        raise InputError(str(out), [decision.ask + f". Importing would replace the season: add "
                                    f"--keep, give another file name, or add --replace to drop "
                                    f"it all (the file is then kept as {out.name}.bak)"],
                         note=decision.changes)
    if decision.dropped and not args.drop_unkept:
        # the coach asked to keep them: a part left out is said before anything is written
        raise InputError(str(out), [f"not kept with --keep: {d}" for d in decision.dropped],
                         note=f"{decision.changes} Nothing was written: {out.name} is "
                              f"unchanged. Correct the workbook and import again, or add "
                              f"--drop-unkept to write the season without them (the file is "
                              f"then kept as {out.name}.bak).".lstrip())
    # the workbook's Today, when it is later than the one kept: the move still to come
    later = (season.calendar.today if season.calendar.today is not None
             and season.calendar.today > planning_start(decision.season) else None)
    season = decision.season
    notes += decision.notes
    if decision.removed:
        notes.insert(0, decision.removed)  # with --keep too
    replaced = out.is_file()
    aside = outputs.store_season(season, out, chosen=True)
    cal = season.calendar
    print(f"Imported {args.workbook}: '{season.name}', {cal.start.isoformat()} to {cal.end.isoformat()}, "
          f"{plural(len(season.athletes), 'athlete')}, {plural(len(season.competitions), 'competition')}, "
          f"{plural(len(season.injuries), 'injury', 'injuries')}"
          + (f", {plural(len(season.sessions), 'logged session')}" if season.sessions else ""))
    if decision.changes:  # a mistyped year in the Season sheet, said beside the new span
        print(decision.changes)
    for note in notes:
        print(f"Note: {note}")
    from planner.progress import flare_proposals, listed_pains, new_to_the_coach, pain_alert_lines

    # the pains this import brings (all logged within a week of today, with no season before)
    proposed, older = new_to_the_coach(flare_proposals(season), season, old)
    for p in proposed:  # a pain score at the flare-up threshold
        print(f"Proposed flare-up: {p.text(season)}. {flare_hint(out, p, season, later)}")
    for line in flare_order(out, proposed, season, later):
        print(line)
    alerts, older_alerts = new_to_the_coach(listed_pains(season), season, old)
    for line in pain_alert_lines(season, alerts):
        print(line)
    if older or older_alerts:
        print(older_pains_words(season, older, older_alerts, old is None, out))
    print(f"Wrote the season to {out}{outputs.kept_words(out, replaced, aside)}")
    return EXIT_OK


def _season_or_none(path):
    """The season file ``--replace`` writes over, to name what the workbook removes from it
    (None: nothing there, or no season that reads)."""
    from planner.errors import PeriodizeError

    try:
        return outputs.load_season(path) if path.is_file() else None
    except (PeriodizeError, OSError):
        return None


def older_pains_words(season, proposals: list, alerts: list, fresh: bool, path) -> str:
    """One line for the pains not said again: how many, and where to see and record them."""
    from planner.progress import PAIN_LOOKBACK_DAYS, pains_by_kind
    from planner.text import join_and, plural

    fit, below, fit_low = pains_by_kind(alerts).values()
    when = (f"logged more than {plural(PAIN_LOOKBACK_DAYS, 'day')} before today" if fresh
            else "logged before this import")
    what = join_and(([f"{plural(len(proposals), 'pain')} proposing a flare-up not recorded"]
                     if proposals else [])
                    + ([f"{plural(len(fit), 'pain')} of a player not in rehab"] if fit else [])
                    + ([f"{plural(len(below), 'pain')} just below a protocol's flare-up threshold"]
                       if below else [])
                    + ([f"{plural(len(fit_low), 'pain')} just below the alert of a player not in rehab"]
                       if fit_low else []))
    first = proposals[0] if proposals else None
    record = (f"; record a flare-up with: periodize record {shlex.quote(str(path))} --flare-up {first.athlete} "
              f"{first.date.isoformat()} --save" if first is not None else "")
    return (f"Not repeated: {what}, {when} (the app's Log panel marks each day: ⚑ a flare-up "
            f"proposed, ⚠ a pain){record}.")


def cmd_template(args) -> int:
    from planner.coachform.write import save_template_form

    out = outputs.out_path(args.output, "workbook")
    outputs.guard({"template": out}, {}, replace=args.replace)
    backup = outputs.keep_backups({"template": out})
    save_template_form(None, out, backup="template" in backup)
    print(f"Wrote the coach workbook template to {out}; fill it in (each sheet has one example "
          f"row: overwrite or delete it), then run "
          f"'periodize import {shlex.quote(str(out))} -o SEASON.season.json'")
    outputs.say_kept("template", out, backup)
    return EXIT_OK


# -- solve ----------------------------------------------------------------------------------------
def print_summary(outcome, season, path: str = "SEASON", started: float | None = None) -> None:
    """``started``: the command's start (``time.monotonic``), for the time in all beside the
    solving: 'Time: 2.63 s' read as the wait of a command that took 11.6 s."""
    from planner.text import season_past

    plan = outcome.plan
    print(f"Season:    {season.name}")
    print(f"Status:    {outcome.status.value}")
    if past := season_past(season.calendar):
        print(f"Note:      {past}. Move today back (periodize advance {shlex.quote(path)} --today "
              f"YYYY-MM-DD) to plan the days after it.")
    if outcome.objective is not None and outcome.bound is not None:
        gap = outcome.gap
        print(f"Objective: {outcome.objective:g}   bound: {outcome.bound:g}   gap: "
              f"{(gap or 0) * 100:.1f} %")
    elif outcome.objective is not None:  # a re-plan kept without a bound for the whole season
        print(f"Objective: {outcome.objective:g}")
        from solver.api import NEIGHBOURHOOD_WORDS, neighbourhood_plan

        if neighbourhood_plan(outcome.status.value, outcome.bound):
            # "feasible" every week read as a plan not proven: it is the best around the change
            # (one test for the command line and the app's status words)
            print(f"Re-plan:   {NEIGHBOURHOOD_WORDS}; 'periodize solve {shlex.quote(path)} --save' "
                  f"searches it all")
    print(f"Time:      {outcome.wall_time:.2f} s solving" + (
        f" ({time_in_all(started)} since the command started)" if started is not None else ""))
    stored = season.plan
    if plan is not None and stored is not None and (plan.athletes, plan.team_weeks) == (
            stored.athletes, stored.team_weeks):
        print("Plan:      the plan stored in the season file" + (
            " (no better plan exists)" if outcome.status.value == "optimal" else
            " (it still holds from today)"))
    if plan is not None:
        print_returns(season, plan)
        print_speed_after_pain(season, plan)
        print_pain_checks(season, plan)
    if plan is not None and outcome.counts:
        print_soft_table(outcome, season, plan, path)
    if plan is not None:
        print_congestion(season.model_copy(update={"plan": plan}))
        print_cold_starts(season.model_copy(update={"plan": plan}))
        print_speed_without_max(season, plan)
        print_ladder_credit(season, plan)
        print_signing_stages(season)
        print_taper_places(season)


def time_in_all(started: float) -> str:
    """``11.6 s``: the time since ``started`` (``time.monotonic``)."""
    import time

    return f"{time.monotonic() - started:.1f} s"


def print_soft_table(outcome, season, plan, path: str) -> None:
    """The soft rules' instances and penalties of a solve, and what they name."""
    print("Soft rules (instances / penalty):")
    from planner.check import team_line, unavoidable_said
    from planner.rules import RULES, listed_only

    forced = _unavoidable(season, plan) if outcome.counts.get("HV-1") else 0
    for rule, n in outcome.counts.items():
        line = f"  {rule:7s} {RULES[rule].title:38s} {n:5d} / {outcome.penalties.get(rule, 0):g}"
        if rule == "HV-1" and forced:  # 176 misses read as the plan's choice
            line += f"  ({unavoidable_said(forced)})"
        print(line)
        if rule == "STAB":  # the team's weeks moved: said, not counted among the athletes'
            for v in plan.soft:
                if team_line(v):
                    print(f"          {v.message.removeprefix('STAB: ')}")
    hint = listed_only(outcome.counts, outcome.penalties, shlex.quote(path))
    if hint:
        print(hint)
    if outcome.counts.get("HV-1"):
        print_hv1_runs(season, plan, path)


def print_hv1_runs(season, plan, path: str = "SEASON", soft=None, file=None) -> None:
    """HV-1's windows as the athletes' runs without an exposure, the longest first
    (``planner.hv1.hv1_runs``): a count of windows (400 for four bench players) named no one."""
    from planner.hv1 import hv1_advice, hv1_lines, hv1_runs
    from planner.season import HV_LEVEL

    runs = hv1_runs(season, plan, soft)
    if not runs:
        return
    said = hv1_lines(season, runs)
    print(f"Without a high-velocity exposure (>= {HV_LEVEL} %; HV-1, the longest first, each "
          f"cause once):", file=file)
    for cause, some in said.by_cause(season):
        if cause:  # the runs it closed as short lines under it
            print(f"  {cause}:", file=file)
        for r in some:
            weeks = f", {r.deload_words()}" if r.deload_words() else ""
            print(f"    {r.who(season)}: {r.span()}{weeks}" if cause else f"  {r.text(season)}",
                  file=file)
    if said.more:
        print(f"  … {said.shorter()} ('periodize check {shlex.quote(path)} --soft HV-1' lists "
              f"every window)", file=file)
    if advice := hv1_advice(season, runs, shlex.quote(path)):
        print(f"  {advice}", file=file)


def _unavoidable(season, plan) -> int:
    """HV-1's windows inside the team's days off (a winter break): no plan avoids them. The
    solve's check is in the plan (``plan.soft``); a plan without it is checked here."""
    from planner.check import check_plan, unavoidable

    soft = plan.soft or check_plan(season.model_copy(update={"plan": plan}), plan).soft
    return unavoidable(soft)


def print_cold_starts(season, file=None) -> None:
    """The matches started as an athlete's first speed day after RAMP's gap
    (``planner.coldstart``): not a rule, said so that the coach ramps him up or benches him."""
    from planner.coldstart import COLD_HEAD, cold_starts

    if found := cold_starts(season):
        print(f"{COLD_HEAD}:", file=file)
        for c in found:
            print(f"  {c.text(season)}", file=file)


def print_congestion(season, file=None) -> None:
    """The congested runs of starts and the B/C matches started in a taper
    (``planner.congestion``): not rules, said before a tournament so that the coach can rotate."""
    from planner.congestion import congestion, congestion_lines, taper_matches
    from planner.daymarks import day_marks
    from planner.timeline import Timeline

    tl = Timeline(season)
    marks = day_marks(season, tl)
    if lines := congestion_lines(season, congestion(season, tl, marks)):
        print("Congested fixtures (no rule breaks; set roles to rotate):", file=file)
        for line in lines:
            print(f"  {line.text}", file=file)
    tapers = taper_matches(season, tl, marks)
    for stretched, head in ((False, "Matches in a taper (no rule breaks; {way}):"),
                            (True, "A competitions in a later A's taper (no rule breaks; the taper "
                                   "runs longer):")):  # each line says its A's way (TaperMatch.way)
        if said := [t for t in tapers if (t.stretched is not None) == stretched]:
            print(head.format(way=said[0].way(short=True)), file=file)
            for t in said:
                print(f"  {t.text(season)}", file=file)


def print_speed_without_max(season, plan, file=None) -> None:
    """The athletes planned speed work without a max speed on record
    (``planner.sessions.speed_without_max``): not a rule, the Plan Check's line."""
    from planner.sessions import speed_without_max, speed_without_max_line

    if line := speed_without_max_line(season, speed_without_max(season, plan)):
        print(f"⚠ Max speed: {line}.", file=file)


def print_ladder_credit(season, plan, file=None) -> None:
    """A line per athlete the plan runs on a sprint ladder credit nothing here shows run
    (``planner.progress.ladder_credit_unrun``): not a rule, the Plan Check's line."""
    from planner.progress import ladder_credit_unrun

    for c in ladder_credit_unrun(season, plan):
        print(f"⚠ Sprint ladder: {c.note(season)}.", file=file)


def print_signing_stages(season, file=None) -> None:
    """A line per signing whose stage from his old club had outlasted its maximum before today
    (``planner.progress.signing_stale_stages``): planned in it again from today, said."""
    from planner.progress import signing_stale_stages

    for line in signing_stale_stages(season):
        print(f"⚠ Signing: {line}.", file=file)


def print_taper_places(season, file=None) -> None:
    """A line per taper that stops short of its A competition or follows a break
    (``planner.taperplace.taper_notes``): not a rule, the Plan Check's line, with its fix."""
    from planner.taperplace import taper_notes

    for note in taper_notes(season):
        print(f"⚠ Taper: {note.text(season)}.", file=file)


def print_pins(season, file=None) -> None:
    """The season's pins, each in a line (``planner.edits.pins_listed``): what every solve
    keeps, as Plan Check lists them; those before today apart, kept as lived."""
    from planner.edits import pins_listed

    for pins, heading in ((pins_listed(season), "kept by every solve"),
                          (pins_listed(season, past=True), "before today: kept as lived")):
        if pins:
            print(f"Pinned ({len(pins)}, {heading}):", file=file)
        for line, _athlete, _day in pins:
            print(f"  ◤ {line}", file=file)


def print_speed_after_pain(season, plan, file=None) -> None:
    """Days planned above 60 % that a flare-up proposed by a logged pain, not recorded, would
    keep calm (``planner.progress.speed_after_pain``)."""
    from planner.progress import speed_after_pain

    for x in speed_after_pain(season, plan):
        print(f"⚠ Pain: {x.text(season)}.", file=file)


def print_pain_checks(season, plan, file=None) -> None:
    """A line per athlete whose pain listed before today cautions a planned speed day or match
    from today on (``planner.caution.pain_checks``): not a rule, the Plan Check's line."""
    from planner.caution import pain_checks

    for c in pain_checks(season, plan):
        print(f"⚠ Pain: {c.text(season)}.", file=file)


def print_returns(season, plan) -> None:
    """Each injured athlete's return (docs/semantics.md, The return)."""
    from planner.returns import return_text, returns

    rets = returns(season, plan)
    if rets:
        from planner.congestion import after_return_words, congestion, soon_after_return

        runs = congestion(season.model_copy(update={"plan": plan}))
        print("Returns:")
        for r in rets:
            run = soon_after_return(runs, r.athlete, r.fit)
            print(f"  {return_text(season, r, rets)}" + (f"; {after_return_words(run)}" if run else ""))


def print_conflicts(outcome, path: str | None = None, context: str = "solve",
                    stored=None) -> None:
    """Why no plan satisfies every hard rule, on stderr, and what recorded would give the season
    a plan (``solver.api.Remedy``) with the command that records it into ``path``. ``context``
    says what was refused, so what the command must carry: ``solve`` (the stored season),
    ``record`` (that command's changes), ``move`` or ``log`` (a move of today or a log, which
    ``--no-replan`` stores first). ``stored``: the season as stored, when a ``record`` may add
    pins: one that is not stored is the command's own, left out of it (``--unpin`` is refused)."""
    plain = bool(outcome.explanation) and all(c.rule == "CALENDAR" for c in outcome.explanation)
    if not outcome.explanation:  # no set found in time: what to do instead, not "one of them"
        from planner.text import no_conflict_set_text

        print("\nNo plan satisfies every hard rule. " + no_conflict_set_text(
            "Run the same command again with a larger --time-limit (e.g. 120)",
            "take back the season's latest changes"), file=sys.stderr)
    elif plain:  # a cause seen without the solver (planner.precheck)
        print("\nNo plan satisfies every hard rule, because of the calendar:", file=sys.stderr)
    else:
        print("\nNo plan satisfies every hard rule. These cannot all hold together:", file=sys.stderr)
    for c in outcome.explanation:
        print(f"  - {c.text}", file=sys.stderr)
    if outcome.explanation:
        print("Change that and solve again." if plain else
              "Change or remove one of them (a pin, a date, an absence, a rule value) and solve again.", file=sys.stderr)
    for r in outcome.remedies:
        said = r.text
        if said.split(" ", 1)[0] in ("If", "Only", "The"):  # not an athlete's name
            said = said[:1].lower() + said[1:]
        own = _command_pin_way_on(r, stored) if context == "record" and stored is not None else ""
        if own:  # a pin this command adds: not stored, so no --unpin reaches it
            print(f"A way on: {own}", file=sys.stderr)
            continue
        if r.kind == "pin":  # the coach's own pin: the command that removes it
            unpin = f"--unpin {r.athlete} {r.date}"
            command = (f"periodize record {shlex.quote(path) if path else 'FILE.season.json'} "
                       f"{unpin} --save")
            how = (f" run the same command with {unpin} added" if context == "record" else
                   f"\n  {command}" if context == "solve" else
                   f"\n  {command}\nthen run the same command again")
            print(f"A way on: {said} To remove it:{how}", file=sys.stderr)
            continue
        if not r.records:  # a change of the settings: said, no command records it
            print(f"A way on: {said}", file=sys.stderr)
            continue
        option = r.option()
        command = f"periodize record {shlex.quote(path) if path else 'FILE.season.json'} {option} --save"
        how = {"record": f"run the same command with {option} added",
               "move": f"run the same command with --no-replan --save (today moves and is stored), then:\n  {command}",
               "log": f"run the same command with --no-replan --save (the log is stored), then:\n  {command}",
               }.get(context, f"\n  {command}")
        print(f"A way on: {said} To record it: {how}", file=sys.stderr)


def _command_pin_way_on(remedy, stored) -> str:
    """The way on for a pin ``remedy`` names that the record command adds (not among
    ``stored``'s pins): the same command without that --pin, or with it at the level that
    holds. Empty for any other remedy or a pin the season holds already."""
    import datetime as dt
    import re

    from planner.text import day_long

    if remedy.kind != "pin":
        return ""
    level = re.search(r"[Tt]he pin of (\d+) %", remedy.text)
    if level is None:
        return ""
    day, at = dt.date.fromisoformat(remedy.date), int(level.group(1))
    if any(p.kind == "intensity" and p.athlete == remedy.athlete and p.date == day
           and p.intensity == at for p in stored.pins):
        return ""
    pin = f"--pin {remedy.athlete} {remedy.date}"
    lower = re.search(r"lower it to (\d+) %", remedy.text)
    return (f"the pin of {at} % on {day_long(day)} for {stored.athlete_label(remedy.athlete)} "
            f"that this command adds cannot hold now: run the same command without {pin} {at}"
            + (f", or with it at {lower.group(1)} % ({pin} {lower.group(1)})" if lower else "")
            + ", and the season has a plan; only that day changes.")


def no_plan_text(season, outcome, interrupted: bool, time_limit: float, status_file=None) -> str:
    """Why a solve stopped without a plan, truthfully: the interrupt or the time limit (with the
    season's size when that explains it); what was kept (``status_file``: the plan JSON that
    says so was written there)."""
    from planner.limits import size_warning, suggested_time_limit

    nothing = (f"no plan was written (only its status, to {status_file})" if status_file
               else "nothing was written")
    kept = (f"{nothing}; the season file keeps its stored plan" if season.plan is not None
            else nothing)
    if interrupted:
        return f"Interrupted after {outcome.wall_time:.1f} s, before a plan was found; {kept}."
    more = max(suggested_time_limit(season), int(time_limit * 4))
    why = " (a large season: see the warning above)" if size_warning(season, time_limit) else ""
    return (f"No plan found within the time limit of {time_limit:g} s; {kept}. Allow more "
            f"time{why}, e.g. --time-limit {more}.")


def _json_left(e: InputError, json: str | None) -> InputError:
    """``e`` saying that the plan JSON already at the ``--json`` path is left as it was: a solve
    refused as bad input writes no status file, and that file is an earlier solve's."""
    from ui.outputkinds import written_kind

    if not json or not Path(json).is_file() or written_kind(Path(json)) != "json":
        return e
    left = (f"Nothing was solved: {json} is left as it was, an earlier solve's plan, not one of "
            f"this season; it is replaced once the season solves.")
    return InputError(e.source, e.problems, more=e.more,
                      note="\n".join(x for x in (e.note, left) if x))


def cmd_solve(args) -> int:
    from planner.limits import athlete_days, size_warning
    from planner.text import plural

    try:
        season = read_season(args.season, to_plan=True, outlasted=True)
    except InputError as e:  # nothing solved, nothing written: an earlier plan file is said
        raise _json_left(e, getattr(args, "json", None)) from None
    out = outputs.requested(args)
    outputs.guard(out, {"season file": Path(args.season)}, replace=args.replace)
    kept = outputs.guard_folders(out, season, getattr(args, "anonymise", False), args.replace)
    outputs.save_target(args, season)
    warning = size_warning(season, args.time_limit)
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
    from solver import SolveRequest, StopToken, solve  # OR-Tools, only now
    from ui.cli.interrupt import interruptible

    n, days = athlete_days(season)
    if not season.athletes:  # the team's weeks alone are planned: said, in the app's words
        from planner.squad import NO_SQUAD_YET

        print(f"Note: {args.season}: {NO_SQUAD_YET} in the app, or the Athletes sheet of the coach "
              f"workbook: periodize import FILE.xlsx -o NEW.season.json), then solve again; this "
              f"plan has the team's weeks only", file=sys.stderr)
    print(f"Solving: {plural(n, 'athlete')} x {plural(days, 'day')} to plan, at most "
          f"{args.time_limit:g} s (Ctrl+C stops and keeps the best plan so far) ...",
          file=sys.stderr, flush=True)
    stop = StopToken()
    with interruptible(stop) as ctrl_c:
        request = SolveRequest(season, time_limit=args.time_limit, deterministic=args.deterministic)
        outcome = solve(request, stop=stop)
    started = getattr(args, "started", None)
    print_summary(outcome, season, args.season, started)
    if outcome.plan is None:  # the plan JSON says so: an earlier solve's file is not left there
        wrote = outputs.write_no_plan(season, outcome, out["json"], args.anonymise)
    if outcome.status.value == "infeasible":
        print_conflicts(outcome, args.season)
        if outcome.wall_time > args.time_limit:  # 11.6 s after --time-limit 5, unsaid
            print(f"The solve took {outcome.wall_time:.1f} s, more than --time-limit "
                  f"{args.time_limit:g} s: with no plan possible, finding why has up to "
                  f"{request.explanation_time():g} s of its own (half the time limit, at least "
                  f"5 s).", file=sys.stderr)
        return EXIT_INFEASIBLE
    if outcome.plan is None:
        print(no_plan_text(season, outcome, ctrl_c.interrupted, args.time_limit,
                           out["json"] if wrote else None), file=sys.stderr)
        return EXIT_NO_PLAN
    if ctrl_c.interrupted:
        print("Interrupted: this is the best plan found before the interrupt (not proven best).",
              file=sys.stderr)
    if args.save:  # the plan first: an export that cannot be written must not lose it
        aside = outputs.store_season(season.model_copy(update={"plan": outcome.plan}), args.season)
        print(f"Stored the plan in {args.season}{outputs.kept_words(args.season, aside=aside)}")
        from planner.progress import team_weeks_changed

        for line in team_weeks_changed(season, season.model_copy(update={"plan": outcome.plan})):
            print(line)  # the squad's weeks the stored plan had, moved: printed pages are old
    try:
        outputs.write(season, outcome.plan, out, args.anonymise, kept=kept)
    except PeriodizeError as e:
        if not args.save:
            raise
        raise PeriodizeError(f"{e}\nThe plan is stored in {args.season} all the same: export it "
                             f"with 'periodize export {shlex.quote(args.season)} ...' once the output can be "
                             f"written.") from None
    if started is not None and (args.save or any(out.values())):  # the files took time too
        print(f"Done in {time_in_all(started)} ({outcome.wall_time:.2f} s of it solving).")
    return EXIT_OK


# -- check, export ----------------------------------------------------------------------------------
def cmd_check(args) -> int:
    from planner.check import check_plan, with_plan_stab
    from planner.planjson import load_plan
    from planner.squad import unplanned_line

    to_stdout = args.json == "-"
    out = None if args.json is None or to_stdout else outputs.out_path(args.json, "violations JSON")
    if out is not None:
        inputs = {"season file": Path(args.season)} | ({"plan": Path(args.plan)} if args.plan else {})
        outputs.guard({"violations": out}, inputs, replace=args.replace)
    # no training weekday, or a stage outlasted at the start: refused, as by solve
    season = read_season(args.season, to_plan=True, outlasted=True)
    if args.plan is not None:
        notes: list[str] = []
        plan = load_plan(args.plan, season, notes)
        for note in notes:  # not violations: on stderr, as the other advisories
            print(f"Note: {args.plan}: {note}", file=sys.stderr)
    elif season.plan is not None:
        plan = season.plan
    else:
        from planner.errors import InputError

        raise InputError(args.season, ["the season file stores no plan: give the plan to check "
                                       "(periodize check FILE.season.json PLAN.json) or store one "
                                       "first (periodize solve FILE.season.json --save)"])
    # the last re-plan's STAB days as the plan holds them (the checker has no plan from before
    # it): the same soft rules and penalty as the Cover's
    report = with_plan_stab(check_plan(season, plan), plan)
    listed = _listed(report, getattr(args, "soft", None))
    if not to_stdout:
        for v, severity in listed:
            who = f" {v.athlete}" if v.athlete else ""
            penalty = f"(soft, penalty {v.penalty:g})  " if severity == "soft" else ""
            print(f"{v.rule:8s}{who:5s} {v.start.isoformat()}..{v.end.isoformat()}  {penalty}{v.message}")
    if args.json is not None:
        _write_violations(listed, out)
    # not rules: on standard output, as solve and advance say them (a script reading stderr
    # as failure failed each week); with --json - it holds the JSON alone, so there on stderr
    said_to = sys.stderr if to_stdout else sys.stdout
    print_hv1_runs(season, plan, args.season, report.soft, file=said_to)
    print_congestion(season.model_copy(update={"plan": plan}), file=said_to)
    print_cold_starts(season.model_copy(update={"plan": plan}), file=said_to)
    print_speed_after_pain(season, plan, file=said_to)
    print_pain_checks(season, plan, file=said_to)
    print_speed_without_max(season, plan, file=said_to)
    print_ladder_credit(season, plan, file=said_to)
    print_signing_stages(season, file=said_to)
    print_taper_places(season, file=said_to)
    print_pins(season, file=said_to)
    if said := unplanned_line(season, plan, fix=f"periodize solve {shlex.quote(args.season)} --save "
                                               f"plans them"):
        print(said, file=said_to)
    soft = ", ".join(f"{k} {n}" + (" (the last re-plan's days changed, as the plan holds them)"
                                   if k == "STAB" else "")
                     for k, n in report.counts().items() if n)
    # The hard count is printed even when no soft rule is counted.
    print(f"{len(report.violations)} hard violation(s)" + (f"; soft: {soft}" if soft else ""),
          file=said_to)
    return EXIT_VIOLATIONS if report.violations else EXIT_OK


def _listed(report, wanted: str | None) -> list[tuple]:
    """What ``check`` lists: (violation, "hard") for each hard-rule instance, then with
    ``--soft`` (``wanted``: all, or one rule) (violation, "soft") for each soft one asked for."""
    out = [(v, "hard") for v in report.violations]
    if wanted is None:
        return out
    from planner.errors import InputError
    from planner.rules import SOFT_RULES

    rule = wanted.upper()
    if rule != "ALL" and rule not in SOFT_RULES:
        raise InputError("--soft", [f"{wanted!r} is not a soft rule; use one of "
                                    f"{', '.join(sorted(SOFT_RULES))} (or --soft alone for all)"])
    return out + [(v, "soft") for v in report.soft if rule in ("ALL", v.rule)]


def _write_violations(listed: list[tuple], out: Path | None) -> None:
    """``check --json``: the listed violations as a JSON list (the plan JSON's ``soft`` entries'
    keys and ``severity``), to ``out``, or standard output when None (``--json -``)."""
    import json

    from planner.planjson import violation_dict

    text = json.dumps([violation_dict(v) | {"severity": severity} for v, severity in listed],
                      indent=1, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    from planner.safefile import atomic_write

    backup = outputs.keep_backups({"violations": out})
    atomic_write(out, text, backup="violations" in backup)
    print(f"Wrote {len(listed)} violation(s) to {out}")  # as solve says what it wrote
    outputs.say_kept("violations", out, backup)


def cmd_export(args) -> int:
    from planner.errors import InputError

    season = read_season(args.season)
    out = outputs.requested(args)
    outputs.guard(out, {"season file": Path(args.season)}, replace=args.replace)
    kept = outputs.guard_folders(out, season, getattr(args, "anonymise", False), args.replace)
    if not any(out.values()):
        raise InputError("export", ["say what to write: --xlsx OUT.xlsx, --json OUT.json, --ics DIR, "
                                    "--pdf OUT.pdf, --handouts DIR and/or --template OUT.xlsx"])
    needs_plan = [f"--{k}" for k in outputs.NEED_A_PLAN if out[k]]
    if season.plan is None and needs_plan:
        raise InputError(args.season, [f"has no stored plan for {', '.join(needs_plan)}; run "
                                       f"'periodize solve SEASON --save' first"])
    weeks = None
    if args.weeks is not None:
        from ui.cli.names import weeks as weeks_named

        if not (out["handouts"] or out["xlsx"]):
            raise InputError("--weeks", ["chooses the weeks of the handouts and of the workbook's "
                                         "Calendar, week pages and Load table: add --handouts DIR or --xlsx "
                                         "OUT.xlsx (the other exports hold the whole season)"])
        weeks = weeks_named(season, args.weeks)
    report = None
    if needs_plan:
        from planner.check import check_plan

        report = check_plan(season, season.plan)
        note = report.broken_note()
        quoted = shlex.quote(args.season)
        if note:  # exported all the same (the workbook's cover says it too), but said first
            print(f"Warning: {note} To see them all: periodize check {quoted}; to solve "
                  f"again: periodize solve {quoted} --save", file=sys.stderr)
        from planner.squad import unplanned_line

        if said := unplanned_line(season, fix=f"periodize solve {quoted} --save plans them"):
            print(f"Warning: {said}.", file=sys.stderr)
    outputs.write(season, season.plan, out, args.anonymise, check=report, weeks=weeks, kept=kept)
    return EXIT_OK


# -- explain ---------------------------------------------------------------------------------------
def cmd_explain(args) -> int:
    """Why the STORED plan plans a day or week so (never a new solve: the answer matches the
    exported plan), or a return-date query."""
    from ui.cli.args import only_one
    from ui.cli.names import athlete_id

    only_one("explain", [("--athlete ID", args.athlete), ("--team", args.team),
                         ("--return ID", args.return_of)])
    # a return is planned: a season without a training weekday is refused as bad input, as
    # every command that plans refuses it, not answered 'cannot be back to FIT'
    season = read_season(args.season, to_plan=bool(args.return_of))
    if args.return_of:
        from planner.progress import untested_return_line
        from solver.queries import return_report
        from ui.cli.interrupt import interruptible

        aid = athlete_id(season, args.return_of, "--return")
        with interruptible():  # no partial answer: Ctrl+C quits at once
            report = return_report(season, aid, time_limit=args.time_limit)
        lines = report.text(season, shlex.quote(str(args.season))).split("\n")
        if report.current_stage == "FIT" and (said := untested_return_line(season, aid)):
            lines.insert(1, f"  {said}.")
        print("\n".join(lines))
        return EXIT_OK
    day = _explain_day(args)
    cal = season.calendar
    if not cal.start <= day <= cal.end:
        raise InputError("--date", [f"{day.isoformat()} is outside the season ({cal.start.isoformat()} "
                                    f"to {cal.end.isoformat()}); give a day of the season"])
    aid = athlete_id(season, args.athlete, "--athlete") if args.athlete else None
    plan = stored_plan(season, args.season)
    from planner.text import day_long as text_day
    from planner.why import why_day, why_week

    print(_explain_header(season, plan, str(args.season)))
    if args.team:
        print(why_week(season, plan, None, day).text())
    elif aid in plan.unplanned:  # a placeholder row at 0 % (Plan.unplanned): no session
        from planner.squad import NOT_PLANNED

        print(f"{season.athlete_label(aid)}, {text_day(day)}: {NOT_PLANNED} (or periodize solve "
              f"{shlex.quote(str(args.season))} --save)")
    else:
        why = why_day(season, plan, aid, day)
        print(why.text())
        if why.away:  # he left the squad: nothing of this squad's to say of the day or its week
            return EXIT_OK
        for line in _day_lines(season, plan, aid, day):
            print(line)
        from planner.progress import speed_after_pain

        for x in speed_after_pain(season, plan, aid):  # as the Inspector's strip says it
            if x.date == day:
                print(f"⚠ Pain: {x.text(season)}.")
        print()
        print(why_week(season, plan, aid, day).text())
    return EXIT_OK


def _explain_header(season, plan, path: str) -> str:
    """``(the plan stored in PATH, feasible)``, or when the plan now breaks hard rules (a role
    changed since the solve, not re-planned) their count and where they are listed: the header
    read "feasible" over a plan ``periodize check`` found AV-1 broken in (Review 266 F2). The
    hard rules alone are checked (no soft rule counted: a few hundredths of a second)."""
    from planner.check import check_plan
    from planner.text import plural

    n = len(check_plan(season, plan, rules_in_objective=set()).violations)
    if not n:
        return f"(the plan stored in {path}, {plan.status})"
    return (f"(the plan stored in {path}, {plan.status} when it was made, now with "
            f"{plural(n, 'hard-rule violation')}: periodize check {shlex.quote(path)} lists "
            f"{'it' if n == 1 else 'them'})")


def _past(season, day) -> bool:
    today = season.calendar.today
    return today is not None and day < today


def _day_lines(season, plan, aid: str, day) -> list[str]:
    """What the Inspector says of the day beside its reasons: the session as the handouts print
    it, and the rules v2 rows (a provisional stage with the test it waits on, a role...)."""
    from planner.daymarks import day_rows, fold_session
    from planner.sessions import Prescriber, shown_session

    planned = season.model_copy(update={"plan": plan})
    i = (day - season.calendar.start).days
    out = []
    rows = day_rows(planned, aid, i)
    p = shown_session(Prescriber(planned, plan), plan, aid, i)
    if p is not None:  # one Session line (a compensation day printed the session, then why)
        why, rows = fold_session(rows)
        label = "Session" if p.as_logged or not _past(season, day) else "Planned session"
        out.append(f"{label}: {p.summary}{why}")
    out += [f"{key}: {words}" for key, words in rows]
    return out


def stored_plan(season, path: str):
    """The season's stored plan, or a located error saying there is none or it no longer fits."""
    from planner.errors import InputError
    from planner.validate import plan_problems

    if season.plan is None:
        raise InputError(path, ["has no stored plan to explain; run 'periodize solve "
                                f"{path} --save' first"])
    problems = plan_problems(season)
    if problems:
        raise InputError(path, problems + ["the stored plan no longer fits the season: solve "
                                           "again with --save"])
    return season.plan


def _explain_day(args):
    """The day ``explain`` is asked about, or a located InputError."""

    from planner.errors import InputError

    if not args.athlete and not args.team:
        raise InputError("explain", ["say what to explain: --athlete ID --date D, --team --date D, "
                                     "or --return ID"])
    if not args.date:
        raise InputError("explain", ["--date is missing: give a day of the season, e.g. --date 2026-09-12"])
    from planner.text import DATE_WRITTEN, not_a_date, read_date

    if (day := read_date(args.date)) is not None:
        return day
    shown = args.date if len(args.date) <= 40 else args.date[:40] + "…"
    raise InputError("--date", [f"{shown!r} {not_a_date(args.date)}; write it as {DATE_WRITTEN}"])
