"""``periodize load SEASON [--athlete ID] [--csv OUT]``: the training-load figures of the stored
plan and the log (docs/load.md), one row per athlete-week.

The table shows the week, its kind, planned and logged load (AU), the change of the week's load
from the week before, the ACWR (the week's load / its chronic load), the EWMA ratio, monotony,
strain and the flags; ``—`` where a figure is undefined. ``--csv`` writes every figure of every
row (undefined ones as empty cells; ratios and monotony to 3 decimals) safely: a reader sees the
old file or the new one.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sys
from pathlib import Path

from planner.load import CSV_COLUMNS
from ui.cli.outputs import REPLACE_HELP

EXIT_OK = 0
# the table's columns: (heading, least width, right-aligned); a column widens to its widest cell
# (a partial week's "pre-season (2 d)", a flagged EWMA ratio given 3 decimals so as not to read as
# the 0.80 limit, its decimal point under the others'), and a number always keeps a space before
# it: the row stays under its headings
COLUMNS = (("week", 10, False), ("kind", 10, False), ("planned", 8, True), ("logged", 8, True),
           ("load", 8, True), ("change", 7, True), ("ACWR", 5, True), ("EWMA", 5, True),
           ("monot.", 6, True), ("strain", 7, True))
RATIO_CELLS = (6, 7, 8)  # ACWR, EWMA, monotony: decimal points aligned (_points_aligned)


def add_parser(sub) -> None:
    p = sub.add_parser("load", help="weekly planned and logged load, ACWR, monotony, strain, flags",
                       description="Print the training-load figures of the stored plan and the "
                                   "logged sessions, one row per athlete-week (planned and logged "
                                   "load in AU, change from the week before, ACWR, EWMA ratio, "
                                   "monotony, strain and flags). Figures, never rules.")
    p.add_argument("season", metavar="FILE.season.json")
    p.add_argument("--athlete", metavar="ATHLETE", help="only this athlete (ID or name)")
    p.add_argument("--csv", metavar="OUT.csv", help="write every figure to a CSV file instead "
                                                    "('-': to standard output, without the BOM)")
    p.add_argument("--review", action="store_true",
                   help="the season review instead: a row per athlete over the season so far "
                        "(matches, minutes, HV exposures done and planned, the longest gap, days in "
                        "rehab, away and not with the squad, load logged against planned)")
    p.add_argument("--whole-season", action="store_true",
                   help="with --review: the whole season, what is still planned included")
    p.add_argument("--anonymise", action="store_true", help="athlete IDs instead of names")
    p.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    p.set_defaults(func=cmd_load)


def cmd_load(args) -> int:
    from planner.errors import InputError
    from planner.load import NO_LOG, figures, unplanned_note
    from ui.cli import outputs
    from ui.cli.commands import read_season
    from ui.cli.names import athlete_id

    piped = args.csv == "-"  # the CSV on standard output, for a script's pipe
    out = outputs.out_path(args.csv, "CSV") if args.csv is not None and not piped else None
    if out is not None:
        # the load table or the season review: each replaces unasked only an earlier one of its own
        outputs.guard({"review" if args.review else "csv": out}, {"season file": Path(args.season)},
                      replace=args.replace)
    if args.whole_season and not args.review:
        raise InputError("--whole-season", ["goes with --review (the season review's period); "
                                            "add --review, or leave --whole-season out"])
    season = read_season(args.season)
    if season.plan is None:
        raise InputError(args.season, ["has no stored plan, so no planned load; run "
                                       "'periodize solve SEASON --save' first"])
    if args.review:
        return cmd_review(args, season, out, piped)
    figs = figures(season)
    if args.athlete is not None:
        aid = athlete_id(season, args.athlete, "--athlete")
        if aid not in figs:
            raise InputError("--athlete", [f"{season.athlete_label(aid)} is not in the stored plan; "
                                           f"solve the season again to plan the athlete"])
        figs = {aid: figs[aid]}
    no_log = not any(f.has_log for f in figs.values())
    # one athlete chosen: "no sessions logged" is about that athlete, the season may have some
    whose = season.name if args.athlete is None else next(
        (_who(f, args.anonymise) for f in figs.values()), season.name)
    if piped:  # the CSV alone on standard output, no byte-order mark: a pipe is no spreadsheet
        sys.stdout.write(csv_text(figs, args.anonymise))
        return EXIT_OK
    if out is not None:
        from planner.safefile import atomic_write

        backup = outputs.keep_backups({"csv": out})  # kept as NAME.bak, said once written
        # UTF-8 with its byte-order mark: Excel and LibreOffice read it so whatever the
        # computer's language (without it a German spreadsheet read "Łukasz" as "Å?ukasz")
        atomic_write(out, "\ufeff" + csv_text(figs, args.anonymise), backup="csv" in backup)
        rows = sum(len(f.weeks) for f in figs.values())
        print(f"Wrote {rows} athlete-weeks of {len(figs)} athlete(s) to {out}"
              + (f" ({NO_LOG})" if no_log else ""))
        outputs.say_kept("csv", out, backup)
        return EXIT_OK
    print(_intro(season))
    if no_log:
        print(f"{whose}: {NO_LOG}.")
    before = unplanned_note(season, figs)
    if before:
        print(before)
    for f in figs.values():
        print()
        # the line above said "no sessions logged" of each athlete here: not again over the table
        print(table(f, season, args.anonymise, no_log_said=no_log))
    return EXIT_OK


def _intro(season) -> str:
    from planner.rules import RuleSet
    from planner.validate import planning_start

    today = planning_start(season)
    rs = RuleSet(season.rules)
    spike = (f"flag 'ACWR > {rs.value('LD-1', 'acwr_max'):g}': above LD-1's limit (a load spike)"
             if rs.active("LD-1") else "LD-1 is off: no week is flagged for its ACWR")
    return (f"{season.name}: load in AU (minutes x RPE); logged before today ({today.isoformat()}; "
            f"a past day with nothing logged counts its planned session, in the stage the records "
            f"give it), planned from today on "
            f"(a session logged today counts at once). "
            f"ACWR = week load / mean of the 4 weeks before; {spike}; '—' = undefined.")


def _who(f, anonymise: bool) -> str:
    return f.athlete if anonymise else f"{f.name} ({f.athlete})"


def _kind(w) -> str:
    return w.kind if w.kind else "pre-season"


def table(f, season=None, anonymise: bool = False, no_log_said: bool = False) -> str:
    """One athlete's weeks as a fixed-width table under a heading; ``no_log_said``: the lines
    before the table said that nothing is logged (the heading does not say it again)."""
    from planner.load import RATIO_HIGH, RATIO_LOW, fmt, fmt_change, kind_label

    head = _who(f, anonymise)
    if f.stale_log:
        when = f.logged_when()  # read on an earlier day: said once, not again in the words
        head += (f"; logged EWMA ratio {when} {_shown(f.latest_logged_ewma_ratio, f, 'ewma')}, not a flag: "
                 f"nothing logged in the 7 days before today"
                 + (f" ({f.stale_words()})" if when == "now" else ""))
    elif f.latest_logged_ewma_ratio is not None:
        when = f.logged_when()  # "now": the mean of the 7 days to yesterday (docs/load.md)
        head += (f"; logged EWMA ratio {when} {_shown(f.latest_logged_ewma_ratio, f, 'ewma')}"
                 + (f" ({f.logged_mean_words()})" if when == "now" else ""))
        if not RATIO_LOW <= f.latest_logged_ewma_ratio <= RATIO_HIGH:
            head += " (flag)"
    elif f.thin_log:
        head += f"; logged EWMA ratio —: {f.thin_words()}"
    elif not f.has_log and not no_log_said:
        head += "; no sessions logged"
    rows = []
    for w in f.weeks:
        rows.append(([w.start.isoformat(), kind_label(w), fmt(w.planned, 0), fmt(w.logged, 0),
                      fmt(w.shown_load, 0), fmt_change(w.change), _shown(w.acwr, f, "acwr"),
                      _shown(w.ewma_ratio, f, "ewma"), _shown(w.monotony, f, "monotony"),
                      fmt(w.strain, 0)],
                     "; ".join(w.notes)))
    _points_aligned([c for c, _ in rows], RATIO_CELLS)
    lines = [head, _line([h for h, _, _ in COLUMNS], "flags", [c for c, _ in rows])]
    lines += [_line(cells, notes, [c for c, _ in rows]) for cells, notes in rows]
    return "\n".join(lines)


def _shown(x, f, figure: str) -> str:
    """A ratio or a monotony of the table: 2 decimals, a third (or more) only where 2 would read
    as the threshold of a flag the figure has (a flagged ACWR 1.304 is "1.304", not "1.30" beside
    "ACWR > 1.3"; planner.load.fmt_figure). A figure on the unflagged side of its threshold keeps
    2: an unflagged EWMA ratio of 0.8049 reads "0.80" (not below 0.8), where it read "0.805"
    among 2-decimal values."""
    from planner.load import RATIO_LOW, defined, fmt_figure

    if not defined(x):
        return fmt_figure(x)
    # the EWMA ratio is flagged below its low threshold, every figure above its (high) ones
    flagged = tuple(t for t in f.limits(figure)
                    if (x < t if figure == "ewma" and t == RATIO_LOW else x > t))
    return fmt_figure(x, flagged)


def _points_aligned(rows: list[list[str]], columns: tuple[int, ...]) -> None:
    """Pad the figures of ``columns`` on the right so that their decimal points stand under
    each other: a rare figure with a third decimal does not shift its column's other rows."""
    for j in columns:
        places = [len(r[j].split(".")[1]) for r in rows if "." in r[j]]
        most = max(places, default=0)
        for r in rows:
            if "." in r[j]:
                r[j] += " " * (most - len(r[j].split(".")[1]))


def _line(cells: list[str], notes: str, rows: list[list[str]]) -> str:
    """One line of :func:`table`: ``cells`` in the widths ``rows`` need (:data:`COLUMNS`)."""
    parts = []
    for j, (heading, least, right) in enumerate(COLUMNS):
        width = max([least, len(heading)] + [len(r[j]) + right for r in rows])
        parts.append(cells[j].rjust(width) if right else cells[j].ljust(width))
    # the week and the kind two spaces apart, as the flags after the strain
    return f"{parts[0]}  {' '.join(parts[1:])}  {notes}".rstrip()


def _cell(x, digits: int = 2) -> str:
    from planner.load import defined

    if not defined(x):
        return ""
    return f"{x:.{digits}f}"


def _ratio(x, limits: tuple[float, ...] = ()) -> str:
    """A ratio (ACWR, EWMA or rolling ratio, monotony) in the CSV, for analysis: 3 decimals, more
    where 3 would round onto a flag's threshold (``figure_places``), so that a filter
    ``acwr > 1.3`` agrees with the flags column (2 decimals wrote a flagged 1.304 and an unflagged
    1.298 alike as 1.30); empty where undefined."""
    from planner.load import defined, figure_places

    if not defined(x):
        return ""
    return f"{x:.{max(3, figure_places(x, limits))}f}"


def _text(value: str) -> str:
    from planner.text import csv_safe

    return csv_safe(value)


def csv_text(figs, anonymise: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in figs.values():
        for k in f.weeks:
            w.writerow([_text(f.athlete), "" if anonymise else _text(f.name), k.start.isoformat(), k.days,
                        _kind(k), "yes" if k.in_season else "no", _cell(k.planned, 0),
                        _cell(k.logged, 0), _cell(k.shown_load, 0),
                        _cell(None if k.change is None else 100 * k.change, 1),
                        _cell(k.chronic, 1), _ratio(k.acwr, f.limits("acwr")),
                        _ratio(k.ewma_ratio, f.limits("ewma")), _ratio(k.rolling_ratio),
                        _ratio(k.monotony, f.limits("monotony")), _cell(k.strain, 0),
                        _ratio(k.logged_ewma_ratio, f.limits("ewma")), "; ".join(k.flags)])
    return buf.getvalue()


def cmd_review(args, season, out: Path | None, piped: bool = False) -> int:
    """``periodize load FILE --review``: the season review as a table, or a CSV (``--csv``;
    ``piped``: ``--csv -``, on standard output without the byte-order mark)."""
    from planner.errors import InputError
    from planner.review import csv_text as review_csv
    from planner.review import season_review
    from ui.cli import outputs
    from ui.cli.names import athlete_id

    review = season_review(season, whole=args.whole_season)
    if args.athlete is not None:
        aid = athlete_id(season, args.athlete, "--athlete")
        rows = tuple(r for r in review.rows if r.athlete == aid)
        if not rows:
            raise InputError("--athlete", [f"{season.athlete_label(aid)} is not in the stored plan; "
                                           f"solve the season again to plan the athlete"])
        review = dataclasses.replace(review, rows=rows, total=rows[0], injuries=tuple(
            i for i in review.injuries if i.athlete == aid))
    if piped:
        sys.stdout.write(review_csv(review, args.anonymise))
        return EXIT_OK
    if out is None:
        print(review_table(review, season, args.anonymise))
        return EXIT_OK
    from planner.safefile import atomic_write

    backup = outputs.keep_backups({"review": out})
    # UTF-8 with its byte-order mark, as the load CSV (docs/load.md)
    atomic_write(out, "\ufeff" + review_csv(review, args.anonymise), backup="review" in backup)
    print(f"Wrote the season review of {len(review.rows)} athlete(s) to {out} "
          f"({review.period.words()})")
    outputs.say_kept("review", out, backup)
    return EXIT_OK


def review_table(review, season, anonymise: bool = False) -> str:
    """The season review of ``season`` as an aligned table: the period, a row per athlete (as
    ``Season.athlete_label`` names them), the squad's total (left out for one athlete alone),
    numbers right-aligned; then the injury table (``planner.review.injury_lines``)."""
    from planner.review import COLUMNS, injury_lines

    # anonymised: no reasons of absence either, as the anonymised workbook drops them
    cols = [(k, h) for k, h, _ in COLUMNS
            if k not in ("athlete", "name") and not (anonymise and k == "reasons")]
    rows = [*review.rows] + ([review.total] if review.total.athlete == "" else [])
    names = [r.name if not r.athlete else r.athlete if anonymise else season.athlete_label(r.athlete)
             for r in rows]
    cells = [[r.cell(k) for k, _ in cols] for r in rows]
    wide = max([len("athlete"), *map(len, names)])
    widths = [max([len(h), *(len(c[j]) for c in cells)]) for j, (_, h) in enumerate(cols)]
    left = {"reasons"}  # words, left-aligned; numbers right

    def line(first: str, values: list[str]) -> str:
        parts = [v.ljust(w) if k in left else v.rjust(w)
                 for (k, _), v, w in zip(cols, values, widths, strict=True)]
        return (first.ljust(wide) + "  " + "  ".join(parts)).rstrip()

    out = [f"{season.name}: season review. {review.heading()}.",
           line("athlete", [h for _, h in cols])]
    out += [line(n, c) for n, c in zip(names, cells, strict=True)]
    # the injuries: protocols and onsets are left out of anonymised outputs (docs/file-format.md)
    out += [""] + (["Injuries: left out (anonymised)."] if anonymise else injury_lines(review))
    out.append("Columns: see docs/load.md, \"The season review\" (the same rows as the workbook's "
               "Season review sheet and View > Season Review in the app).")
    return "\n".join(out)
