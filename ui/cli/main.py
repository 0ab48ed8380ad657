"""The ``periodize`` command line (interfaces.md section 1). No Qt is imported here unless the
desktop app is opened.

Exit status: 0 success; 1 bad input (a located message on stderr); 2 infeasible (the
explanation is printed); 3 the plan checker found hard violations.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

EXIT_OK, EXIT_INPUT, EXIT_INFEASIBLE, EXIT_VIOLATIONS = 0, 1, 2, 3


def _season(path: str):
    from planner.seasonfile import load_season

    return load_season(path)


def _out_path(path: str, what: str) -> Path:
    from planner.errors import InputError

    p = Path(path)
    if p.exists() and p.is_dir():
        raise InputError(str(p), [f"is a folder; give a file name for the {what}"])
    if not p.parent.exists():
        raise InputError(str(p), [f"the folder {p.parent} does not exist; create it or choose another"])
    return p


# -- commands -----------------------------------------------------------------------------------
def cmd_open(args) -> int:
    from ui.app import run_app

    return run_app(args.file)


def cmd_demo(args) -> int:
    from planner.seasonfile import atomic_write
    from templates import path

    out = _out_path(args.output, "demo season")
    atomic_write(out, path("demo.season.json").read_bytes())
    print(f"Wrote the demo season to {out}")
    return EXIT_OK


def cmd_import(args) -> int:
    from planner.seasonfile import save_season
    from planner.xlsx_import import import_workbook

    out = _out_path(args.output, "season file")
    season = import_workbook(args.workbook)  # every problem of the workbook, or the season
    save_season(season, out)
    cal = season.calendar
    print(f"Imported {args.workbook}: '{season.name}', {cal.start.isoformat()} to {cal.end.isoformat()}, "
          f"{_count(season.athletes, 'athlete')}, {_count(season.competitions, 'competition')}, "
          f"{_count(season.injuries, 'injury', 'injuries')}")
    print(f"Wrote the season to {out}")
    return EXIT_OK


def _count(items, one: str, many: str | None = None) -> str:
    n = len(items)
    return f"{n} {one if n == 1 else (many or one + 's')}"


def cmd_template(args) -> int:
    from planner.xlsx_import import save_template_form

    out = _out_path(args.output, "workbook")
    save_template_form(None, out)
    print(f"Wrote the coach workbook template to {out}; fill it in, then run "
          f"'periodize import {out} -o SEASON.season.json'")
    return EXIT_OK


def _print_summary(outcome, season) -> None:
    plan = outcome.plan
    print(f"Season:    {season.name}")
    print(f"Status:    {outcome.status.value}")
    if outcome.objective is not None:
        gap = outcome.gap
        print(f"Objective: {outcome.objective:g}   bound: {outcome.bound:g}   gap: "
              f"{(gap or 0) * 100:.1f} %")
    print(f"Time:      {outcome.wall_time:.2f} s")
    if plan is not None and outcome.counts:
        print("Soft rules (instances / penalty):")
        from planner.rules import RULES

        for rule, n in outcome.counts.items():
            print(f"  {rule:7s} {RULES[rule].title:38s} {n:5d} / {outcome.penalties.get(rule, 0):g}")


def _headless_qt() -> None:
    """Qt without a display (a server, CI, ssh): the offscreen platform, set before Qt starts."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ics_dir(path: str) -> Path:
    from planner.errors import InputError

    p = Path(path)
    if p.exists() and not p.is_dir():
        raise InputError(str(p), ["is a file; give a folder for the calendar files (one per athlete)"])
    if not p.exists() and not p.parent.exists():
        raise InputError(str(p), [f"the folder {p.parent} does not exist; create it or choose another"])
    return p


def _outputs(args) -> dict[str, Path | None]:
    """The requested output paths, checked before any work is done."""
    out = {
        "json": _out_path(args.json, "plan JSON") if getattr(args, "json", None) else None,
        "xlsx": _out_path(args.xlsx, "workbook") if getattr(args, "xlsx", None) else None,
        "ics": _ics_dir(args.ics) if getattr(args, "ics", None) else None,
        "pdf": _out_path(args.pdf, "PDF") if getattr(args, "pdf", None) else None,
        "template": _out_path(args.template, "workbook") if getattr(args, "template", None) else None,
    }
    return out


def _anonymised_for_json(season, plan):
    """Names replaced by IDs, also inside the soft-rule messages."""
    pairs = sorted(((a.name, a.id) for a in season.athletes), key=lambda x: -len(x[0]))

    def scrub(text: str) -> str:
        for name, aid in pairs:
            text = text.replace(f"{name} ({aid})", aid).replace(name, aid)
        return text

    season = season.model_copy(update={
        "athletes": tuple(a.model_copy(update={"name": a.id}) for a in season.athletes)})
    plan = plan.model_copy(update={
        "soft": tuple(v.model_copy(update={"message": scrub(v.message)}) for v in plan.soft)})
    return season, plan


def _write_outputs(season, plan, outputs: dict[str, Path | None], anonymise: bool) -> None:
    """Write every requested output of ``plan`` (None: only those that need no plan)."""
    from planner.seasonfile import atomic_write

    note = " (anonymised)" if anonymise else ""
    if outputs.get("json") and plan is not None:
        from planner.planjson import plan_to_json

        s, p = (season, plan) if not anonymise else _anonymised_for_json(season, plan)
        atomic_write(outputs["json"], plan_to_json(s, p))
        print(f"Wrote the plan{note} to {outputs['json']}")
    if outputs.get("xlsx") and plan is not None:
        from planner.xlsx_export import export_workbook

        export_workbook(season, plan, outputs["xlsx"], anonymise=anonymise)
        print(f"Wrote the workbook{note} to {outputs['xlsx']}")
    if outputs.get("ics") and plan is not None:
        from planner.ical import export_calendars

        files = export_calendars(season, plan, outputs["ics"], anonymise=anonymise)
        print(f"Wrote {len(files)} calendar file(s){note} to {outputs['ics']}")
    if outputs.get("pdf"):
        _headless_qt()
        from ui.pdf import export_board_pdf

        pages = export_board_pdf(season.model_copy(update={"plan": plan}), outputs["pdf"],
                                 anonymise=anonymise)
        print(f"Wrote the season board ({pages} page{'s' if pages != 1 else ''}){note} to "
              f"{outputs['pdf']}" + ("" if plan is not None else "; no plan yet, so no intensities"))
    if outputs.get("template"):
        from planner.xlsx_import import save_template_form

        save_template_form(season, outputs["template"])
        print(f"Wrote the season as a coach workbook to {outputs['template']} (edit it, then "
              f"'periodize import {outputs['template']} -o FILE.season.json')")


def cmd_solve(args) -> int:
    from planner.seasonfile import save_season
    from solver import SolveRequest, solve

    season = _season(args.season)
    outputs = _outputs(args)
    if args.time_limit <= 0:
        from planner.errors import InputError

        raise InputError("--time-limit", [f"{args.time_limit:g} is not a positive number of seconds"])
    outcome = solve(SolveRequest(season, time_limit=args.time_limit, deterministic=args.deterministic))
    _print_summary(outcome, season)
    if outcome.status.value == "infeasible":
        print("\nNo plan satisfies every hard rule. These cannot all hold together:", file=sys.stderr)
        for c in outcome.explanation:
            print(f"  - {c.text}", file=sys.stderr)
        if not outcome.explanation:
            print("  (no small conflicting set was found in the time allowed)", file=sys.stderr)
        print("Change or remove one of them (a pin, a date, a rule value) and solve again.", file=sys.stderr)
        return EXIT_INFEASIBLE
    if outcome.plan is None:
        print(outcome.message, file=sys.stderr)
        return EXIT_INPUT
    plan = outcome.plan
    _write_outputs(season, plan, outputs, args.anonymise)
    if args.save:
        save_season(season.model_copy(update={"plan": plan}), args.season)
        print(f"Stored the plan in {args.season}")
    return EXIT_OK


def cmd_check(args) -> int:
    from planner.check import check_plan
    from planner.planjson import load_plan

    season = _season(args.season)
    plan = load_plan(args.plan, season)
    report = check_plan(season, plan)
    for v in report.violations:
        who = f" {v.athlete}" if v.athlete else ""
        print(f"{v.rule:8s}{who:5s} {v.start.isoformat()}..{v.end.isoformat()}  {v.message}")
    counts = report.counts()
    print(f"{len(report.violations)} hard violation(s); soft: " +
          ", ".join(f"{k} {v}" for k, v in counts.items() if v) if counts else "")
    return EXIT_VIOLATIONS if report.violations else EXIT_OK


def cmd_export(args) -> int:
    from planner.errors import InputError

    season = _season(args.season)
    outputs = _outputs(args)
    if not any(outputs.values()):
        raise InputError("export", ["say what to write: --xlsx OUT.xlsx, --json OUT.json, --ics DIR, "
                                    "--pdf OUT.pdf and/or --template OUT.xlsx"])
    needs_plan = [f"--{k}" for k in ("xlsx", "json", "ics") if outputs[k]]
    if season.plan is None and needs_plan:
        raise InputError(args.season, [f"has no stored plan for {', '.join(needs_plan)}; run "
                                       f"'periodize solve SEASON --save' first"])
    _write_outputs(season, season.plan, outputs, args.anonymise)
    return EXIT_OK


def cmd_explain(args) -> int:
    import datetime as dt

    from planner.errors import InputError

    season = _season(args.season)
    if args.return_of:
        from solver.queries import return_report

        print(return_report(season, args.return_of).text(season))
        return EXIT_OK
    if not args.athlete and not args.team:
        raise InputError("explain", ["say what to explain: --athlete ID --date D, --team --date D, "
                                     "or --return ID"])
    if not args.date:
        raise InputError("explain", ["--date is missing: give a day of the season, e.g. --date 2026-09-12"])
    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        raise InputError("--date", [f"{args.date!r} is not a date; write it as YYYY-MM-DD"]) from None
    plan = season.plan
    if plan is None:
        from solver import SolveRequest, solve

        print("No plan stored in the season file; solving first ...", file=sys.stderr)
        outcome = solve(SolveRequest(season, time_limit=args.time_limit))
        if outcome.plan is None:
            print(outcome.message, file=sys.stderr)
            return EXIT_INFEASIBLE if outcome.status.value == "infeasible" else EXIT_INPUT
        plan = outcome.plan
    from planner.why import why_day, why_week

    if args.team:
        print(why_week(season, plan, None, day).text())
    else:
        print(why_day(season, plan, args.athlete, day).text())
        print()
        print(why_week(season, plan, args.athlete, day).text())
    return EXIT_OK


# -- parser -------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="periodize",
        description="Plan a team's season: high-velocity exposures, deloads and tapers around "
                    "rehab stages and competitions.",
    )
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    o = sub.add_parser("open", help="open the desktop app (the demo season when no file is given)")
    o.add_argument("file", nargs="?", help="a .season.json file")
    o.set_defaults(func=cmd_open)

    d = sub.add_parser("demo", help="write the bundled demo season")
    d.add_argument("-o", "--output", required=True, metavar="FILE.season.json")
    d.set_defaults(func=cmd_demo)

    i = sub.add_parser("import", help="read a coach workbook (Excel) into a season file",
                       description="Read a coach workbook (the form of 'periodize template') into a "
                                   "season file. Every problem of the workbook is listed with its "
                                   "sheet, row and column; nothing is written then (exit status 1).")
    i.add_argument("workbook", metavar="WORKBOOK.xlsx")
    i.add_argument("-o", "--output", required=True, metavar="FILE.season.json")
    i.set_defaults(func=cmd_import)

    t = sub.add_parser("template", help="write the empty coach workbook (Excel) to fill in")
    t.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    t.set_defaults(func=cmd_template)

    s = sub.add_parser("solve", help="plan the season and print a summary")
    s.add_argument("season", metavar="FILE.season.json")
    s.add_argument("--json", metavar="OUT.json", help="write the plan as JSON")
    s.add_argument("--xlsx", metavar="OUT.xlsx", help="write the plan as an Excel workbook")
    s.add_argument("--ics", metavar="DIR", help="write one iCalendar file per athlete into DIR")
    s.add_argument("--pdf", metavar="OUT.pdf", help="write the season board as a PDF (a page a month)")
    s.add_argument("--anonymise", action="store_true",
                   help="athlete IDs instead of names, no diagnoses or protocols in every output")
    s.add_argument("--time-limit", type=float, default=60.0, metavar="S",
                   help="stop searching after S seconds (default 60)")
    s.add_argument("--deterministic", action="store_true",
                   help="one worker and a fixed seed: the same plan on every run")
    s.add_argument("--save", action="store_true", help="store the plan in the season file")
    s.set_defaults(func=cmd_solve)

    c = sub.add_parser("check", help="check a plan against every rule")
    c.add_argument("season", metavar="FILE.season.json")
    c.add_argument("plan", metavar="PLAN.json")
    c.set_defaults(func=cmd_check)

    e = sub.add_parser("export", help="export the plan stored in a season file",
                       description="Export the plan stored in a season file (periodize solve --save), "
                                   "or the season itself as a coach workbook (--template).")
    e.add_argument("season", metavar="FILE.season.json")
    e.add_argument("--xlsx", metavar="OUT.xlsx", help="the Excel workbook: cover, team, calendar, "
                                                      "rules and one sheet per athlete")
    e.add_argument("--json", metavar="OUT.json", help="the plan JSON (machine-readable)")
    e.add_argument("--ics", metavar="DIR", help="one iCalendar file per athlete into DIR")
    e.add_argument("--pdf", metavar="OUT.pdf", help="the season board as a PDF, a page a month")
    e.add_argument("--template", metavar="OUT.xlsx",
                   help="the season as a coach workbook (the import form): edit and import again")
    e.add_argument("--anonymise", action="store_true",
                   help="athlete IDs instead of names, no diagnoses or protocols in every output "
                        "but --template")
    e.set_defaults(func=cmd_export)
    x = sub.add_parser("explain", help="why a day or week is planned as it is; return-date queries")
    x.add_argument("season", metavar="FILE.season.json")
    x.add_argument("--athlete", metavar="ID", help="the athlete whose day and week to explain")
    x.add_argument("--team", action="store_true", help="explain the team's week instead")
    x.add_argument("--date", metavar="YYYY-MM-DD", help="the day to explain")
    x.add_argument("--return", dest="return_of", metavar="ID",
                   help="earliest return to FIT and the latest day to enter each stage for the target")
    x.add_argument("--time-limit", type=float, default=60.0, metavar="S",
                   help="solve limit when the season has no stored plan")
    x.set_defaults(func=cmd_explain)

    from ui.cli_whatif import add_parser as add_whatif

    add_whatif(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from planner.errors import PeriodizeError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.file = None
        args.func = cmd_open
    try:
        return args.func(args)
    except PeriodizeError as e:
        if args.debug:
            traceback.print_exc()
        print(f"periodize: {e}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("periodize: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # never a traceback in front of a coach
        if args.debug:
            traceback.print_exc()
        else:
            print(f"periodize: unexpected error: {e.__class__.__name__}: {e}\n"
                  f"Run again with --debug for details.", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
