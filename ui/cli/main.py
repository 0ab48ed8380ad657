"""The ``periodize`` parser and entry point.

Nothing heavy is imported here: each command imports what it needs when it runs (OR-Tools only
in the commands that solve, Qt only for ``open`` and ``--pdf``).

Exit status (README, docs/reliability.md): 0 success; 1 bad input or a usage error (a located
message on stderr), also a bug of Periodize's own (the message says it is one); 2 infeasible
(the explanation is printed); 3 the plan checker found hard violations; 4 stopped without a plan
(the time limit or an interrupt).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import traceback
from pathlib import Path

import ui.cli
from planner.text import shown
from ui.cli import commands
from ui.cli.commands import EXIT_INPUT, EXIT_NO_PLAN, EXIT_OK
from ui.cli.load import add_parser as add_load
from ui.cli.outputs import REPLACE_HELP
from ui.cli.progress import add_parsers as add_progress
from ui.cli.whatif import add_parser as add_whatif
from ui.cli.whatif import add_search_options

DESCRIPTION = ("Plan a team's season: high-velocity exposures, deloads and tapers around rehab "
               "stages and competitions.")
ANONYMISE_HELP = "athlete IDs instead of names, no diagnoses or protocols in every output"


# characters of one line of an error message (a huge input is never echoed whole; a list of the
# squad's 40 names and IDs fits)
MAX_LINE = 1500


def clip(text: str, keep: int = MAX_LINE) -> str:
    """``text`` with each over-long line cut, saying how much was left out."""
    lines = []
    for line in text.splitlines() or [""]:
        if len(line) > keep:
            line = f"{line[:keep - 40]}… ({len(line) - keep + 40:,} more characters)"
        lines.append(line)
    return "\n".join(lines[:200]) + (f"\n… and {len(lines) - 200} more lines" if len(lines) > 200 else "")


class Parser(argparse.ArgumentParser):
    """argparse with the exit status above: a usage error is bad input (1), never 2
    (2 means infeasible); the message is clipped like every other."""

    def error(self, message: str):
        if self.prog == "periodize" and "invalid choice" in message:  # periodize --json X solve
            message += ("; a command's options come after it (periodize solve FILE.season.json "
                        "--json OUT.json); only --debug comes before")
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, clip(f"{self.prog}: error: {message}") + "\n")


class _Version(argparse.Action):
    """``periodize --version``: the project's version, looked up only when asked for."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from planner import project_version
        print(f"periodize {project_version()}")  # on stdout, as argparse's own version action
        parser.exit(EXIT_OK)


# -- parser -------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="periodize", description=DESCRIPTION)
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    p.add_argument("--version", action=_Version, help="print the version of Periodize and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_open, _add_demo, _add_next_season, _add_import, _add_template, _add_solve, _add_check,
                _add_export, _add_explain, add_whatif, add_progress, add_load):
        add(sub)
    p.set_defaults(commands=sub.choices)
    return p


# why an option another command has is not one of this command's
_NOT_HERE = {("record", "--no-replan"): "record always re-plans, so that the stored plan holds what "
                                        "is recorded ('advance' would offer a plan's stage changes "
                                        "that ignore it as history)"}


def _parse(parser: argparse.ArgumentParser, argv: list[str] | None):
    """The command line, an option the command does not have refused with the command's own
    usage (argparse shows the top-level one, which names no option of the command)."""
    argv = sys.argv[1:] if argv is None else argv
    args, extra = parser.parse_known_args(_file_first(_soft_before_files(argv), parser))
    if extra:
        command = args.commands.get(args.command) if args.command else None
        why = "; ".join(w for (c, o), w in _NOT_HERE.items() if c == args.command and o in extra)
        (command or parser).error(f"unrecognized arguments: {' '.join(extra)}"
                                  + (f" ({why})" if why else ""))
    return args


# options whose last word is optional or free text (a reason, a stage): the words after them
# up to the next option are theirs, a season file written last too
_OPEN_ENDED = ("--unavailable", "--day-off", "--injury")


def _open_ended(argv: list[str], cmd: int, parser: argparse.ArgumentParser) -> list[str]:
    """``argv`` with each open-ended option after the command (``cmd``) written whole and apart
    from its first word: argparse reads ``--unavail`` as ``--unavailable`` (a prefix of one
    option of the command), and ``--unavailable=A2 FROM TO`` as A2 alone, the dates then taken
    for the season file."""
    command = (parser.get_default("commands") or {}).get(argv[cmd])
    options = list(getattr(command, "_option_string_actions", {}))  # the command's options
    end = argv.index("--", cmd) if "--" in argv[cmd:] else len(argv)  # after it: no options
    out = argv[:cmd + 1]
    for w in argv[cmd + 1:end]:
        name, eq, value = w.partition("=")
        hits = [o for o in options if o.startswith(name)] if w.startswith("--") else []
        full = name if name in options else hits[0] if len(hits) == 1 else None
        out += ([full] + ([value] if eq else [])) if full in _OPEN_ENDED else [w]
    return out + argv[end:]


def _file_first(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``record --unavailable A2 FROM TO s.season.json`` read the season file as the absence's
    reason, and then said the file was missing: a season file after an open-ended option, with
    none before the command's first option, is the command's file (moved to right after the
    command, where the usage line has it). The option also as ``--unavailable=A2`` or
    abbreviated (:func:`_open_ended`)."""
    cmd = next((i for i, w in enumerate(argv) if not w.startswith("-")), None)
    if cmd is None:
        return list(argv)
    argv = _open_ended(list(argv), cmd, parser)
    opts = [i for i, w in enumerate(argv) if w.startswith("-") and i > cmd]
    if not opts or not any(argv[i] in _OPEN_ENDED for i in opts):
        return argv
    files = [i for i, w in enumerate(argv) if i > cmd and w.lower().endswith(".season.json")]
    if not files or files[0] < opts[0]:
        return argv  # the file is where it belongs: a word like it later is an option's value
    last = files[-1]
    if argv[max(j for j in opts if j < last)] not in _OPEN_ENDED:
        return argv
    argv.insert(cmd + 1, argv.pop(last))
    return argv


def _soft_before_files(argv: list[str]) -> list[str]:
    """``check --soft SEASON PLAN`` (the order the usage line shows) took SEASON as the RULE: a
    file after ``--soft`` (a name ending in .json, or one that exists) is no rule, so ``--soft``
    stands alone there and lists every soft rule's entries."""
    argv = list(argv)
    if "check" not in argv or "--soft" not in argv or argv.index("check") > argv.index("--soft"):
        return argv
    i = argv.index("--soft")
    after = argv[i + 1] if i + 1 < len(argv) else ""
    if after.lower().endswith(".json") or (after and not after.startswith("-") and Path(after).exists()):
        argv[i] = "--soft=all"
    return argv


def _add_open(sub) -> None:
    o = sub.add_parser("open", help="open the desktop app (the demo season when no file is given)")
    o.add_argument("file", nargs="?", help="a .season.json file (a new name in a folder that is "
                   "there: File ▸ New's dialog, and Save proposes that name)")
    o.set_defaults(func=commands.cmd_open)


def _add_demo(sub) -> None:
    d = sub.add_parser("demo", help="write the bundled demo season")
    d.add_argument("file", nargs="?", metavar="FILE.season.json",
                   help="where to write it (or -o FILE.season.json)")
    d.add_argument("-o", "--output", metavar="FILE.season.json")
    d.add_argument("--replace", action="store_true",
                   help="replace a season file already there (it is kept as FILE.bak)")
    d.set_defaults(func=commands.cmd_demo)


def _add_next_season(sub) -> None:
    n = sub.add_parser(
        "next-season", help="start the next season from this one (squad, rehab, recent load)",
        description="Write the season after FILE as a new season file: the squad (positions, "
                    "default roles, max speeds), the rule settings and training weekdays, every "
                    "injury still open as recorded, the absences running into it and the sessions "
                    "logged in the four weeks before its start are carried; the competitions, "
                    "blocks, days off, other absences, pins, scenarios and the plan stay in the old "
                    "file, which is not changed. Each choice is said.")
    n.add_argument("season", metavar="FILE.season.json", help="the season that ends")
    n.add_argument("-o", "--output", required=True, metavar="NEW.season.json")
    n.add_argument("--start", metavar="DATE", help="the first day (default: FILE's first day 52 "
                                                   "weeks on, the same weekday)")
    n.add_argument("--end", metavar="DATE", help="the last day (default: FILE's last day 52 weeks "
                                                 "on; with --start, as many weeks as FILE)")
    n.add_argument("--name", help="the new season's name (default: FILE's, its years moved on)")
    n.add_argument("--replace", action="store_true",
                   help="replace a season file already at NEW (it is kept as NEW.bak)")
    n.set_defaults(func=commands.cmd_next_season)


def _add_import(sub) -> None:
    i = sub.add_parser("import", help="read a coach workbook (Excel) into a season file",
                       description="Read a coach workbook (the form of 'periodize template') into a "
                                   "season file. Every problem of the workbook is listed with its "
                                   "sheet, row and column; nothing is written then (exit status 1).")
    i.add_argument("workbook", metavar="WORKBOOK.xlsx")
    i.add_argument("-o", "--output", required=True, metavar="FILE.season.json")
    i.add_argument("--replace", action="store_true",
                   help="replace a season file already there even when it holds what the workbook "
                        "does not (a plan, pins, rule settings, scenarios, logged sessions); it is "
                        "kept as FILE.bak")
    i.add_argument("--keep", action="store_true",
                   help="import over a season file already there and keep what the workbook does "
                        "not carry (pins, rule settings, scenarios, logged sessions and rehab "
                        "records it lacks, today, the plan) where it still fits; the file is kept "
                        "as FILE.bak")
    i.add_argument("--drop-unkept", action="store_true",
                   help="with --keep: write the season even when some of what it holds cannot be "
                        "kept (named, each with its reason); without it, nothing is written then "
                        "(exit status 1)")
    i.set_defaults(func=commands.cmd_import)


def _add_template(sub) -> None:
    t = sub.add_parser("template", help="write the coach workbook (Excel) to fill in: one example "
                                        "row a sheet, to overwrite or delete",
                       description="Write the coach workbook (Excel) to fill in, then read it with "
                                   "'periodize import'. Each sheet has one example row (the "
                                   "Athletes sheet's is Alex Example, A01): overwrite or delete "
                                   "it, or it is imported as written.")
    t.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    t.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    t.set_defaults(func=commands.cmd_template)


def _add_solve(sub) -> None:
    s = sub.add_parser("solve", help="plan the season and print a summary")
    s.add_argument("season", metavar="FILE.season.json")
    s.add_argument("--json", metavar="OUT.json", help="write the plan as JSON")
    s.add_argument("--xlsx", metavar="OUT.xlsx", help="write the plan as an Excel workbook")
    s.add_argument("--ics", metavar="DIR", help="write one iCalendar file per athlete into DIR")
    s.add_argument("--pdf", metavar="OUT.pdf", help="write the season board as a PDF (a page a month)")
    s.add_argument("--anonymise", action="store_true", help=ANONYMISE_HELP)
    add_search_options(s, deterministic=True)
    s.add_argument("--save", action="store_true", help="store the plan in the season file")
    s.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    s.set_defaults(func=commands.cmd_solve)


def _add_check(sub) -> None:
    c = sub.add_parser("check", help="check a plan against every rule")
    c.add_argument("season", metavar="FILE.season.json")
    c.add_argument("plan", metavar="PLAN.json", nargs="?",
                   help="the plan to check (default: the plan stored in the season file)")
    c.add_argument("--soft", nargs="?", const="all", metavar="RULE",
                   help="also list each soft-rule entry (penalty and message); --soft LD-1 lists "
                        "only that rule's, e.g. every planned load spike")
    c.add_argument("--json", metavar="OUT.json",
                   help="also write the violations listed as a JSON list (- : on standard output "
                        "instead of the lines): rule, athlete (null: the team), from, to, "
                        "severity (hard or soft) and message")
    c.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    c.set_defaults(func=commands.cmd_check)


def _add_export(sub) -> None:
    e = sub.add_parser("export", help="export the plan stored in a season file",
                       description="Export the plan stored in a season file (periodize solve --save), "
                                   "or the season itself as a coach workbook (--template).")
    e.add_argument("season", metavar="FILE.season.json")
    e.add_argument("--xlsx", metavar="OUT.xlsx", help="the Excel workbook: cover, overview, returns, "
                                                      "calendar, rules and one sheet per athlete")
    e.add_argument("--json", metavar="OUT.json", help="the plan JSON (machine-readable)")
    e.add_argument("--ics", metavar="DIR", help="one iCalendar file per athlete into DIR")
    e.add_argument("--pdf", metavar="OUT.pdf", help="the season board as a PDF, a page a month")
    e.add_argument("--handouts", metavar="DIR", help="one PDF per athlete into DIR: a page per "
                                                     "week to print and hand out")
    e.add_argument("--weeks", metavar="WEEKS", help="the weeks of the handouts and of the workbook's "
                                                    "Calendar, week pages and Load table (default: the "
                                                    "whole season): "
                                                    "a week number as the app shows it (12), a range "
                                                    "(12-14), a date or FROM..TO dates (the weeks "
                                                    "holding them), or now (the week of today)")
    e.add_argument("--template", metavar="OUT.xlsx",
                   help="the season as a coach workbook (the import form): edit and import again")
    e.add_argument("--anonymise", action="store_true", help=ANONYMISE_HELP + " but --template")
    e.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    e.set_defaults(func=commands.cmd_export)


def _add_explain(sub) -> None:
    x = sub.add_parser("explain", help="why a day or week is planned as it is; return-date queries")
    x.add_argument("season", metavar="FILE.season.json")
    x.add_argument("--athlete", metavar="ATHLETE", help="the athlete (ID or name) whose day and week to explain")
    x.add_argument("--team", action="store_true", help="explain the team's week instead")
    x.add_argument("--date", metavar="DATE", help="the day to explain (2027-01-05, 05.01.2027 or "
                                                   "05/01/2027)")
    x.add_argument("--return", dest="return_of", metavar="ATHLETE",
                   help="earliest return to FIT and the latest day to enter each stage for the "
                        "target (an athlete's ID or name)")
    add_search_options(x, default=10.0)  # each --return query is a search
    x.set_defaults(func=commands.cmd_explain)


# -- entry point --------------------------------------------------------------------------------
class _QuietWhenClosed:
    """Standard output (and error) that goes quiet when the reader stops (``periodize solve F
    --save | head``): the command goes on to its end, so what it saves is saved. The command
    stopped at the first print that failed, after which nothing was stored, and said success
    all the same. A file name's byte that is not UTF-8 is written as ``\\xe9`` (:func:`shown`)."""

    def __init__(self, stream):
        self.stream = stream
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self.stream.write(shown(text))  # a file name's bytes that are not UTF-8: \xe9
            except OSError:  # a reader gone (EPIPE), a full disk (ENOSPC): the command goes on
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self.stream.flush()
            except OSError:
                self._drop()

    def _drop(self) -> None:
        self.gone = True
        try:  # what is still buffered (and the interpreter's last flush) goes nowhere, quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        except (OSError, ValueError):
            pass

    def __getattr__(self, name):  # encoding, isatty, fileno, ...
        return getattr(self.stream, name)


_STARTED: float | None = ui.cli.STARTED  # the first command's start: the process's


def main(argv: list[str] | None = None) -> int:
    global _STARTED
    started, _STARTED = (_STARTED if _STARTED is not None else time.monotonic()), None
    # a stream closed before the start ('periodize check … >&-'): Python gives None, and the
    # first print failed with "unexpected error (AttributeError)" and exit 120, not the
    # command's own code
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (kept open)
    parser = build_parser()
    args = _parse(parser, argv)
    args.started = started  # the solve's time "in all" (a later call in the process: its own)
    if args.command is None:  # plain ``periodize``: the app on the demo season
        args.file = None
        args.func = commands.cmd_open
    out, err = sys.stdout, sys.stderr
    # both: with '2>&1 | head' the notes on stderr broke the pipe too, and the command stopped
    # there with 0, so 'periodize check … 2>&1 | head' read as "no violation"
    sys.stdout, sys.stderr = _QuietWhenClosed(out), _QuietWhenClosed(err)
    try:
        return _run(args)
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("periodize: interrupted before it finished (the files reported above, if any, "
              "were written)", file=sys.stderr)
        return EXIT_NO_PLAN
    finally:
        for stream in (sys.stdout, sys.stderr):  # what is buffered: said, or dropped quietly
            stream.flush()
        sys.stdout, sys.stderr = out, err


# a rehab record's place in the season file, which the app's Injuries form turns into its field's
# label ("Stage started:"); typed on the command line ('record --stage') it is the rehab history
_REHAB_PATH = re.compile(r"\binjuries\[\d+\]\.stages\[\d+\]\.(?:stage|start): ")


def _cli_words(message: str) -> str:
    """An error's message as the command line says it: "injuries[1].stages[7].stage: FIT is
    followed by P1 …" reads "in the rehab history, FIT is followed by P1 …"."""
    return _REHAB_PATH.sub("in the rehab history, ", message)


def _run(args) -> int:
    """Run the command; every error is one located sentence on stderr (a traceback with --debug)."""
    from planner.errors import NOT_ENOUGH_MEMORY, PeriodizeError, unexpected_words

    try:
        return args.func(args)
    except PeriodizeError as e:
        if args.debug:
            traceback.print_exc()
        # a change typed on the command line ('record --stage'): its rehab record in words; a
        # season file's problem keeps its path, the only place it names
        said = _cli_words(str(e)) if args.command in ("record", "whatif") else str(e)
        print(clip(f"periodize: {said}"), file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        raise  # handled by main()
    except MemoryError:
        print(f"periodize: {NOT_ENOUGH_MEMORY}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as e:  # never a traceback in front of a coach
        # the exit statuses have none for a bug: 1 (bad input) is the nearest, so the words
        # must say it is not the coach's input, or the coach looks for a fault in sound files
        if args.debug:
            traceback.print_exc()
            where = "The details are in the traceback above"
        else:
            where = (f"Run 'periodize --debug {args.command or 'open'} …' again to print the "
                     f"details (a traceback) for a bug report")
        print(clip(f"periodize: {unexpected_words(e)}.\n{where}."), file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
