"""The load figures in a coach's words, for the Load panel, its charts, the board and the
inspector (no Qt): the flag of an athlete whose logged EWMA ratio is above :data:`FLAG_RATIO`
or whose last week logged is above LD-1's limit, a week read out, and what a season without logged sessions can show. A figure that does not
exist (a division by zero, too few weeks) is "—", never inf or NaN (``planner.load.fmt``, the
same words as the exports and the command line); pandas is imported only when figures are
worked out.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from planner.errors import PeriodizeError
from planner.load import (  # no pandas at import
    MONOTONY_HIGH,
    NOT_LOGGED,
    ON_SEASON_DAYS,
    RATIO_HIGH,
    RATIO_LOW,
    THIN_WORDS,
    before_season,
    before_season_words,
    extra_words,
    figure_limits,
    fmt,
    fmt_figure,
    unplanned_note,
)
from planner.season import Season
from planner.text import date_long, date_short, day_long, number, plural
from planner.text import day as day_name
from ui.desktop.theme import ink

FLAG_RATIO = RATIO_HIGH  # LM-5's caution threshold of the EWMA ratio (domain.md: acwr_flag)
BAND = (RATIO_LOW, 1.3)  # LM-5's "sweet spot", drawn as a band around the ACWR line
MONOTONY_FLAG = MONOTONY_HIGH  # LM-3's convention
FLAG_EVIDENCE = "E, disputed"
FLAG_EVIDENCE_TIP = ("Evidence: observational studies (Gabbett 2016; Williams 2017), disputed "
                     "(Impellizzeri 2021: \"time to dismiss ACWR\"). A flag to look at, never a "
                     "rule of the plan.")


def flag_colour() -> str:
    """The flag's text colour for the application's palette (``ui.desktop.theme.ink``): the
    chart's flag orange read at 3.8:1 on white and 4.4:1 on a dark base."""
    return ink("flag")


def au(x) -> str:
    """A load in arbitrary units: "1,950 AU", or "—"."""
    if x is None or not isinstance(x, int | float) or not math.isfinite(float(x)):
        return "—"
    return f"{number(round(float(x)))} AU"


def finite(x) -> float | None:
    """``x`` as a float, or None when it is not a finite number."""
    if x is None:
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


@dataclass(frozen=True)
class LoadFlag:
    """An athlete whose logged EWMA ratio is above :data:`FLAG_RATIO` (``ratio``), or whose last
    week before today, with sessions logged, is above LD-1's limit (``spike``: its
    ``planner.load.WeekFigures``; ``limit``: the limit; ``day``: the day the ratio is read to,
    the logged series' last: the inspector shows the row on every day of the athlete's; ``days``:
    the days to it whose daily ratios it is the mean of, ``AthleteFigures.latest_days``)."""

    athlete: str
    name: str
    ratio: float | None
    spike: object | None = None
    limit: float | None = None
    day: dt.date | None = None
    days: int = 1

    def _on(self) -> str:
        if self.day is None:
            return ""
        return f" on {day_long(self.day)}" if self.days <= 1 else \
            f" over the {self.days} days to {day_long(self.day)}"

    @property
    def figure(self) -> str:
        """The board's tag: the logged EWMA ratio, else the spiking week's ACWR ("load ⚠" when the
        weeks before had no load), each named: a bare "1.80" did not say which ratio it was."""
        if self.ratio is not None:  # 1.502 is "1.502", not "1.50" above 1.5
            return f"EWMA {fmt_figure(self.ratio, (FLAG_RATIO,))}"
        if self.spike is not None and self.spike.acwr is not None:
            return f"ACWR {fmt_figure(self.spike.acwr, (self.limit,))}"
        return "load ⚠"  # after four weeks at 0: no ratio exists (a bare "⚠" named nothing)

    def _spike_words(self) -> str:
        return week_acwr_words(self.spike, self.limit)

    def about_week(self, w) -> bool:
        """True when the flag says nothing but of the week ``w`` (``planner.load.WeekFigures``):
        its spike is that week (the ratio after it names its own day), or it has no spike and
        its logged ratio is read on a day of it."""
        if self.spike is not None:
            return self.spike.start == w.start
        return self.day is not None and w.start <= self.day <= w.end

    def text(self) -> str:
        """The flag as one line (the name's tooltip on the board)."""
        parts = []
        if self.ratio is not None:
            parts.append(f"logged EWMA ratio (7:28) {fmt_figure(self.ratio, (FLAG_RATIO,))}"
                         f"{self._on()}, above {FLAG_RATIO:g}")
        if self.spike is not None:
            above = f", above {self.limit:g}" if self.spike.acwr is not None else ""
            parts.append(self._spike_words() + above)
        return f"⚠ Load: {'; '.join(parts)} [{FLAG_EVIDENCE}]"

    def html(self) -> str:
        """The inspector's row: the figures, the thresholds and the evidence tag."""
        parts = []
        if self.ratio is not None:
            parts.append(f"<b style='color:{flag_colour()}'>logged EWMA ratio "
                         f"{fmt_figure(self.ratio, (FLAG_RATIO,))}</b>{self._on()} (acute 7 : "
                         f"chronic 28 days, logged sessions only), above {FLAG_RATIO:g}")
        if self.spike is not None:
            part = f"<b style='color:{flag_colour()}'>{escape(self._spike_words())}</b>"
            if self.spike.acwr is not None:
                part += (f" (the week's load ÷ the mean of the four weeks before), above LD-1's "
                         f"limit {self.limit:g}")
            parts.append(part)
        return (f"{'; '.join(parts)}. Look at the weeks before (View ▸ Load). "
                f"<span title='{FLAG_EVIDENCE_TIP}'>[{FLAG_EVIDENCE}]</span>")


def week_words(w) -> str:
    """A week's load and where it comes from: "week of 16 Nov (logged) 4,063 AU", "week of 7 Dec
    (planned) 2,020 AU"; the week's load counts the days with nothing logged as planned, said
    when it differs from the logged sum, which the Load panel shows (2,920 beside "logged
    2,620")."""
    extra = extra_words(w)  # the Load panel's and the CLI's words for it
    what = ("(planned)" if w.logged is None else
            f"(logged {au(w.logged)} + {extra})" if extra else "(logged)")
    return f"week of {date_short(w.start)} {what} {au(w.load)}"


def week_acwr_words(w, limit: float | None) -> str:
    """:func:`week_words` and the week's ACWR ("after 4 weeks at 0" when no ratio exists),
    flagged against LD-1's ``limit`` (none when LD-1 is off)."""
    when = week_words(w)
    if w.acwr is None:  # the four weeks before had no load: no ratio exists
        return f"{when} after 4 weeks at 0"
    return f"{when}, ACWR {fmt_figure(w.acwr, figure_limits('acwr', limit))}"


def day_load_html(f, day: dt.date, flag: LoadFlag | None) -> str:
    """The inspector's Load row on ``day`` of the athlete of ``f`` (``planner.load.AthleteFigures``)
    flagged by ``flag``: the figure and flags of the day's own week first, then the athlete's
    latest flag (the board's badge) when it is of another week, named as such. On a day of the
    week of 16 Nov it read only the flag of the week of 23 Nov, though 16 Nov's ACWR was higher."""
    w = next((x for x in f.weeks if x.start <= day <= x.end), None) if f is not None else None
    if w is None or (flag is not None and flag.about_week(w)):
        return flag.html() if flag is not None else ""
    text = escape(week_acwr_words(w, f.acwr_max))
    out = f"<b style='color:{flag_colour()}'>{text}</b>" if w.flags else text
    out += (f" <span style='color:{flag_colour()}'>⚑ {escape('; '.join(w.flags))}</span>"
            if w.flags else " (no flag)")
    return out + ("" if flag is None else f"<br><i>Latest flag:</i> {flag.html()}")


def load_flags(figs: dict) -> dict[str, LoadFlag]:
    """The athletes flagged in ``figs`` (``planner.load.figures``): logged EWMA ratio above
    :data:`FLAG_RATIO`, or the last week before today logged above LD-1's limit."""
    out = {}
    for aid, f in figs.items():
        ratio = finite(getattr(f, "latest_logged_ewma_ratio", None))
        ratio = ratio if f.has_log and ratio is not None and ratio > FLAG_RATIO else None
        spike = getattr(f, "logged_spike", None)
        if ratio is not None or spike is not None:
            out[aid] = LoadFlag(aid, f.name, ratio, spike, getattr(f, "acwr_max", None),
                                getattr(f, "logged_to", None) if ratio is not None else None,
                                getattr(f, "latest_days", 1))
    return out


def load_waits(figs: dict) -> dict[str, str]:
    """For athletes with a log and no logged EWMA ratio (a log under 28 days, too little
    logged in the 28 days it is read on, a logged load of 0): why no ⚠ shows, in words (the
    inspector's Load row)."""
    out = {}
    for aid, f in figs.items():
        if f.has_log and finite(f.latest_logged_ewma_ratio) is None:
            span = f.log_span
            if f.thin_log:  # a gap in logging: no chronic base to compare with
                out[aid] = (f"logged EWMA ratio — : {f.thin_words()}, so the ratio puts no ⚠ on "
                            f"the board; the weeks' ACWR and flags count the planned sessions "
                            f"(View ▸ Load)")
            elif span < 28:
                out[aid] = (f"logged EWMA ratio — until the log covers 28 days ({_covered(f)}), so "
                            f"the ratio puts no ⚠ on the board yet (a logged week above LD-1's limit does, "
                            f"once four full weeks come before it); "
                            f"the weeks' ACWR and flags are in View ▸ Load")
            else:  # 28 days and more, but a chronic load of 0 (sessions logged at 0 AU)
                out[aid] = ("logged EWMA ratio — : the logged load is 0, so there is no ratio to "
                            "flag; the weeks' figures are in View ▸ Load")
    return out


def _covered(f) -> str:
    """The days the logged series of ``f`` (``planner.load.AthleteFigures``) covers: from its
    first session to ``logged_to``. It said "its first session is 2 days back" of a log begun 27
    days ago whose sessions planned after its second day were not logged."""
    if f.log_span <= 0:
        return "it covers no day yet: its first session is today"
    first = f.logged_to - dt.timedelta(days=f.log_span - 1)
    days = day_long(first) if first == f.logged_to else f"{day_long(first)} to {day_long(f.logged_to)}"
    covers = f"it covers {plural(f.log_span, 'day')}, {days}"
    if f.logged_when() == "now":
        return f"{covers}, the days without a session as rest"
    return f"{covers}: the sessions planned since are not logged yet"


def _fits(season: Season) -> bool:
    """The stored plan fits the season's squad and dates (an edit can leave it behind until the
    next solve): only then are there figures to work out."""
    from planner.validate import plan_problems

    return not plan_problems(season)


def season_figures(season: Season | None) -> dict:
    """``planner.load.figures`` of the season's plan ({} without a plan, when the plan does not
    fit the season, or when the season itself is refused). Any other error is a fault and is
    raised: caught here it showed as "no load flags" (the Load panel says a fault instead)."""
    if season is None or season.plan is None or not _fits(season):
        return {}
    from planner import load

    try:
        return load.figures(season, season.plan)
    except PeriodizeError:
        return {}


def season_figure_steps(season: Season | None):
    """:func:`season_figures` one athlete at a time: None after each athlete, then the figures."""
    if season is None or season.plan is None or not _fits(season):
        yield {}
        return
    from planner import load

    steps = load.figures_steps(season, season.plan)
    while True:
        try:
            out = next(steps)
        except PeriodizeError:
            yield {}
            return
        yield out
        if out is not None:
            return


def week_title(w) -> str:
    when = f"week of {date_long(w.start)}"
    if w.days < 7:
        when += f" ({w.days} days)"
    if not w.in_season:
        when += ", before the season"
    elif w.kind and w.kind != "load":
        when += f", {w.kind} week"
    return when


def season_logged(w) -> float | None:
    """The logged load of a week (``planner.load.WeekFigures``) on the days its planned load
    counts: of a week holding the season's first day, its season days (``planner.load.before_season``
    taken off); None when nothing was logged."""
    return None if w.logged is None else w.logged - before_season(w)


def _season_days(w) -> str:
    return f" {ON_SEASON_DAYS}" if before_season(w) > 0.5 else ""


def _ratio_days(w) -> str:
    """The days a week's logged ratio is the mean of, when the log stops inside the week (the
    week of today): " (the mean of the 7 days to Mon 30 Nov)", the logged ratio now; "" for a
    week logged to its end (the mean of its own days). On a Tuesday the week's figure was Monday
    alone ("0.69", below 0.8) beside "now 0.92"."""
    last = getattr(w, "logged_ratio_to", None)
    if last is None:
        return ""
    n = getattr(w, "logged_ratio_days", 0)
    return f" (the mean of the {n} days to {day_name(last)})" if n > 1 else f" ({day_name(last)})"


def week_text(f, w) -> str:
    """One week of an athlete in words (the chart's readout and tooltips); "—" for a figure
    that does not exist."""
    parts = [f"planned <b>{au(w.planned)}</b>",
             f"logged <b>{au(season_logged(w))}</b>{_season_days(w)}" if w.logged is not None
             else NOT_LOGGED if getattr(w, "not_logged", False) else "nothing logged"]
    # a week begun before the season (it starts mid-week): its plan has the season's days only,
    # so the logged load beside it is of those days, and what was logged before is said apart
    # (the words of `periodize load` and the Load sheet); 1,875 logged read against 1,125 planned
    if before := before_season_words(w):
        parts.append(escape(before))
    # a lived week with days not logged counts their planned sessions: the load the ACWR divides
    # is then neither sum above ("logged 2,260 · ACWR 1.54" was of 2,710), so it is said
    extra = extra_words(w)
    if extra:
        parts.append(f"counted <b>{au(w.load)}</b> (+ {extra})")
    parts += [f"ACWR <b>{fmt_figure(w.acwr, f.limits('acwr'))}</b>",
              f"EWMA ratio <b>{fmt_figure(w.ewma_ratio, f.limits('ewma'))}</b>",
              f"monotony {fmt_figure(w.monotony, f.limits('monotony'))}",
              f"strain {fmt(w.strain, 0)}"]
    if w.logged_ewma_ratio is not None:
        parts.append(f"logged EWMA ratio {fmt_figure(w.logged_ewma_ratio, f.limits('ewma'))}"
                     + _ratio_days(w))
    elif getattr(w, "thin_log", False):
        parts.append(f"logged EWMA ratio — ({THIN_WORDS})")
    text = f"<b>{escape(f.name)}</b>, {week_title(w)}: " + " · ".join(parts)
    if w.flags:  # rich text: "EWMA ratio < 0.8" read "<" as a tag and lost its limit
        text += f"<br><span style='color:{flag_colour()}'>⚑ " + escape("; ".join(w.flags)) + "</span>"
    return text


def no_log_note(figs: dict, athlete: str | None = None, season: Season | None = None) -> str:
    """What the charts can show: "" when there is logged data to show and every week before the
    plan is logged. With ``season``, a season entered mid-season also says that its weeks before
    it was first planned, with nothing logged, are not counted (``planner.load.unplanned_note``)."""
    if not figs:
        return ""
    before = unplanned_note(season, figs) if season is not None else ""
    if not any(f.has_log for f in figs.values()):
        return " ".join(x for x in (
            "No session logged in this season yet: the figures are the plan's only "
            "(planned load).", before, "Log sessions (Season ▸ Log Sessions) or import them "
            "(File ▸ Import Sessions) to see what happened.") if x)
    f = figs.get(athlete) if athlete else None
    if f is not None and not f.has_log:
        return " ".join(x for x in (f"No session logged for {f.name}: planned figures only.", before) if x)
    return before
