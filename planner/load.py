"""Training-load monitoring figures (rules-spec.md section 8): shown and exported, never rules.

Built on the daily load series of :mod:`planner.loadtable` (the planned load of every day, the
logged minutes x RPE instead on a day before ``today`` with a logged session, and on ``today``
itself once a session is logged for it; pre-season days from the first session logged before
the season, a partial week when it falls mid-week, days without a session at 0):

- **daily load** (AU) and **weekly load**, with the week's **change** from the week before
  (a fraction: 0.2 is +20 %; only between two full 7-day weeks, the week before above 0);
- **ACWR** of a week: its load / its chronic load (the mean of the four full weeks before, as LD-1
  reads it);
- **EWMA** acute and chronic load, lambda = 2/(7+1) and 2/(28+1), seeded with the series' first
  day with a known load (Williams et al. 2017, [Williams17]; pandas ``ewm(alpha=..., adjust=False)``),
  and their ratio; the **rolling 7:28 ratio**: the sum of the last 7 days / (the sum of the last
  28 / 4). Both ratios exist once 28 days of known load exist (before that the EWMA is mostly its
  seed). A day not with the squad (``AthleteLoad.unknown``: before a signing joined, after a
  player left, nothing logged) has no known load: no figure reads it, and a week wholly so has
  none at all (docs/semantics.md); so has a day before the season was first planned in a week
  with nothing logged (a season entered mid-season: ``planner.loadtable.known_from``).
  A week's EWMA ratio is the mean of its daily ratios (when each of its days has one): read on one day it swings with the week's
  rhythm (a steady plan ending on a rest day reads about 0.8 on that day); a week's rolling ratio
  is the one on its last day (its load / the mean of the four weeks ending with it);
- **monotony** of a full week: the mean of its 7 daily loads / their standard deviation (Foster
  1998, [Foster98]: "daily mean / standard deviation"; the paper does not say which deviation, we
  take the *sample* one, n - 1, as a spreadsheet's STDEV gives it; the population one would make
  monotony sqrt(7/6), about 8 %, higher). Undefined when the deviation is 0 (seven equal days:
  "—", never inf; such a week above 0 AU is flagged all the same, :func:`equal_days`);
  **strain** = weekly load x monotony;
- **flags** (LM-3, LM-5, LM-6 of domain.md): the EWMA ratio above 1.5 or below 0.8 (once 28 days
  exist), monotony above 2.0 (planned or logged), the weekly load up more than 15 % on
  the week before; and the week's load above LD-1's limit (``ACWR > 1.3``, or ``load after 4
  weeks at 0`` when there is no chronic load to divide by; decided as the plan checker decides a
  spike, so the table flags every week LD-1 lists; past weeks too, which LD-1 no longer counts;
  a session logged today counts here at once, in LD-1 once today moves on); and a past deload
  or taper week with sessions logged, its load more than :data:`OFF_PLAN` above its plan
  (``deload not kept: logged +79 % on plan``). A past week with nothing logged between weeks
  logged counts its plan: its row says so (:data:`NOT_LOGGED`), and a change against it too
  (``load +58 % on a week not logged``).

Anything undefined (a division by zero, too little data) is ``None`` in this API (NaN in the
``daily`` frame, never inf) and is written ``—`` by :func:`fmt`, which the command line, the app
and the workbook all use. pandas is imported only when figures are computed.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import text
from planner.loadtable import LOAD_NOTED, AthleteLoad, LoadTable, WeekLoad, known_from, lived_load
from planner.memo import ByInputs
from planner.rules import RuleSet
from planner.season import FIT
from planner.timeline import Timeline

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from planner.season import Plan, Season

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
ACUTE_ALPHA = 2 / (ACUTE_DAYS + 1)
CHRONIC_ALPHA = 2 / (CHRONIC_DAYS + 1)
# the columns of `periodize load --csv`, its header line (an export recognises its own file by it)
CSV_COLUMNS = ("athlete", "name", "week", "days", "kind", "in_season", "planned", "logged", "load",
               "change_pct", "chronic", "acwr", "ewma_ratio", "rolling_ratio", "monotony", "strain",
               "logged_ewma_ratio", "flags")
RATIO_HIGH = 1.5  # EWMA ratio above: flag (Gabbett16 "danger zone")
RATIO_LOW = 0.8  # EWMA ratio below: flag (under the "sweet spot")
MONOTONY_HIGH = 2.0  # Foster98 (threshold by convention, domain.md LM-3)
SPIKE = 0.15  # weekly load up more than this on the week before (LM-6)
DASH = "—"
AFTER_NONE = "load after 4 weeks at 0"  # above LD-1's limit with no chronic load: no ACWR to give
# up on a full week at 0 (an athlete away, joining): more than 15 % up, with no change to give
FROM_ZERO = "load up from 0"
NO_LOG = "no sessions logged: planned figures only"
# why a week of seven equal days is flagged for monotony, which is undefined there (SD 0)
FLAT_WORDS = "seven equal days"
NOT_WITH_SQUAD = "not with the squad"  # a week wholly before he joined or after he left
# a week wholly before the season was first planned, nothing logged in it: its load is not known
NOT_COUNTED = "before the plan, nothing logged: not counted"
# a past week with nothing logged between weeks the athlete logged: its load is the plan's
NOT_LOGGED = "not logged: counted as planned"
# a change against such a week compares with the plan's load, not with what was done
ON_NOT_LOGGED = "on a week not logged"

COLUMNS = ("planned", "logged", "load", "ewma_acute", "ewma_chronic", "ewma_ratio", "rolling_ratio",
           "logged_ewma_ratio", "unlogged_28")
# the most days with a session planned and nothing logged that one gap in logging (days with
# nothing logged, one after another) in the 28 days of a logged EWMA ratio (its chronic window, the
# day read included) may hold: a week of sessions. More is a gap in logging, not in training: one
# session logged after five months not logged read "3.62" over a chronic load of months read as
# 0, so the ratio is "—", too little logged to compare. Days not logged between days logged (a
# squad that logs Monday to Thursday, not the Friday and Saturday) are no such gap
UNLOGGED_MOST = 7
THIN_WORDS = "too little logged to compare"
# the logged load of a week holding the season's first day, set beside its plan: its season days
ON_SEASON_DAYS = "on the season's days"


@dataclass(frozen=True)
class WeekFigures:
    """One athlete-week's figures (``None``: undefined)."""

    start: dt.date  # the week's first day in the athlete's series
    days: int  # days of the week in the series (7: a full week)
    kind: str | None  # load, deload or taper (None before the season)
    in_season: bool
    planned: float | None  # the plan's load of the week (None: wholly before the season)
    logged: float | None  # the logged load (None: nothing logged in the week)
    load: float  # the week's load: logged before today, planned from today on
    change: float | None  # relative change of ``load`` from the week before (0.2 = +20 %)
    chronic: float | None  # mean load of the four full weeks before (rules-spec.md section 8)
    acwr: float | None  # load / chronic
    ewma_ratio: float | None  # EWMA acute / chronic: the mean of the week's daily ratios
    rolling_ratio: float | None  # 7:28 rolling ratio on the week's last day
    monotony: float | None
    strain: float | None
    # the same of the logged series (see :func:`logged_end`); the week it stops in before its
    # last day: the logged ratio now (``logged_ratio_to``)
    logged_ewma_ratio: float | None
    flags: tuple[str, ...]
    # the planned load ``load`` counts on the week's days still to come (today on, or from
    # tomorrow once today is logged); a session dated later waits there, logged or not
    to_come: float = 0.0
    kinds: tuple[int, ...] = ()  # the kinds of ``flags`` (:data:`FLAG_KINDS`), weightiest first
    # days of the week not with the squad with nothing logged: their load is not known
    unknown: int = 0
    # days of the week the athlete is away (any unavailability: ill, with his country, on loan)
    absent: int = 0
    # of ``unknown``, the days before the season was first planned (nothing logged in the week)
    unplanned: int = 0
    # the logged ratio is None on a day of the week's logged series because its 28 days hold
    # too little logged (:data:`UNLOGGED_MOST`): "—", too little logged to compare
    thin_log: bool = False
    # a past week with nothing logged although the athlete logged weeks before and after it:
    # its load is the plan's (docs/load.md), which the row says (:data:`NOT_LOGGED`)
    not_logged: bool = False
    # the logged load of its season days (``WeekLoad.season_logged``; None: nothing logged there)
    season_logged: float | None = None
    # the week holding the logged series' last day before its own last day (the week of today):
    # that day, and the days ``logged_ewma_ratio`` is the mean of, the 7 to it as the logged ratio
    # now (:func:`logged_now`); the mean of its days logged so far read Monday alone on a Tuesday
    # ("0.69" below 0.8 beside "now 0.92"). None, 0: a week whose days are all in the series
    logged_ratio_to: dt.date | None = None
    logged_ratio_days: int = 0

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days - 1)

    @property
    def away(self) -> bool:
        """Wholly not with the squad: no load, no figure (``—``)."""
        return self.unknown >= self.days

    @property
    def away_all_week(self) -> bool:
        """Away (ill, with his country, on loan) on every day of the week: he trained with none
        of it (his load counts 0; the Load sheet's squad means leave him out)."""
        return self.absent >= self.days

    @property
    def shown_load(self) -> float | None:
        """The week's load as a table shows it: None (``—``) for a week not with the squad."""
        return None if self.away else self.load

    @property
    def notes(self) -> tuple[str, ...]:
        """What a table's flags column says of the week: its flags, or :data:`NOT_WITH_SQUAD`
        (:data:`NOT_COUNTED` for a week before the season was first planned, nothing logged);
        a week not logged between weeks logged (``not_logged``) says so first."""
        if self.away:
            return (self.unknown_words,)
        ahead = (words,) if (words := before_season_words(self)) else ()
        return ((NOT_LOGGED,) if self.not_logged else ()) + ahead + self.flags

    @property
    def unknown_words(self) -> str:
        """Why a week wholly not known has no figure: :data:`NOT_COUNTED` or
        :data:`NOT_WITH_SQUAD`."""
        return NOT_COUNTED if self.unplanned else NOT_WITH_SQUAD

    @property
    def full(self) -> bool:
        return self.days == 7


@dataclass(frozen=True)
class AthleteFigures:
    athlete: str
    name: str
    weeks: tuple[WeekFigures, ...]
    daily: pandas.DataFrame  # DatetimeIndex by day; the columns of :data:`COLUMNS` (NaN: undefined)
    has_log: bool  # any session logged before today
    # the logged ratio now: the mean of the daily logged ratios of the 7 days to the last day the
    # logged series reads (:func:`logged_end`), as a week's figure is the mean of its 7 days
    # (:func:`logged_now`; None: < 28 days of log, or none on that day)
    latest_logged_ewma_ratio: float | None
    flags: tuple[str, ...]  # sentences for the coach
    flag_days: tuple[dt.date, ...] = ()  # the day each sentence is about (a week's first day)
    logged_lately: bool = True  # a session logged in the 7 days before today
    acwr_max: float | None = None  # LD-1's limit the weeks' ACWR flags read (None: LD-1 off)
    log_span: int = 0  # days from the first logged day to logged_to, both counted (28: a ratio)
    # the last full week before today, when sessions were logged in it and its load is above
    # LD-1's limit (what happened spiked: the board marks it as it marks a high logged ratio)
    logged_spike: WeekFigures | None = None
    # the last day the logged series reads (None: nothing logged): the day before today, or an
    # earlier one when the athlete's sessions planned since are not logged yet (:func:`logged_end`)
    logged_to: dt.date | None = None
    today: dt.date | None = None  # the first day of the plan (days before it are the past)
    # each sentence's place in the list (:func:`now_lines`): what happened before the plan,
    # then the kind of flag (``WeekFigures.kinds``)
    flag_ranks: tuple[tuple[int, ...], ...] = ()
    # the days with a session planned and nothing logged in the longest gap in logging (days
    # with nothing logged, one after another) in the 28 days to ``logged_to``, when they are
    # more than :data:`UNLOGGED_MOST` (the logged ratio is then None: too little logged to
    # compare); 0 otherwise
    thin_log: int = 0
    # the days whose daily logged ratios ``latest_logged_ewma_ratio`` is the mean of: 7, fewer
    # in the log's first days with a ratio (:func:`logged_now`; 0: no ratio)
    latest_days: int = 0

    def logged_when(self) -> str:
        """When the logged ratio is read: "now" (the 7 days to the day before today, or to today
        once logged), else "over the 7 days to <the day>": the sessions planned after it are not
        logged yet."""
        if self.logged_to is None or self.today is None or \
                self.logged_to >= self.today - dt.timedelta(days=1):
            return "now"
        return f"{self.logged_over()} (the planned sessions since are not logged yet)"

    def logged_days(self) -> str:
        """The days the logged ratio now is the mean of (:func:`logged_now`): "the 7 days to Sun
        27 Sep 2026" (the day alone in the log's first day with a ratio, or without a ratio; ""
        without a logged day)."""
        if self.logged_to is None:
            return ""
        day = text.day_long(self.logged_to)
        return day if self.latest_days <= 1 else f"the {self.latest_days} days to {day}"

    def logged_over(self) -> str:
        """:meth:`logged_days` after "the logged ratio": "over the 7 days to Sun 27 Sep 2026",
        "on Sun 27 Sep 2026" for a day alone."""
        days = self.logged_days()
        return "" if not days else f"on {days}" if self.latest_days <= 1 else f"over {days}"

    def logged_mean_words(self) -> str:
        """What the logged ratio now is, for a heading: "the mean of the 7 days to Sun 27 Sep
        2026" (the day alone: "Sun 27 Sep 2026")."""
        days = self.logged_days()
        return f"the mean of {days}" if self.latest_days > 1 else days

    def thin_words(self) -> str:
        """Why the logged ratio is "—" though the log covers 28 days (``thin_log``): "too little
        logged to compare (a gap in logging in the 28 days to Tue 27 Apr 2027: 23 days with a
        session planned and nothing logged)"; "" when it is not so."""
        if not self.thin_log or self.logged_to is None:
            return ""
        return (f"{THIN_WORDS} (a gap in logging in the {CHRONIC_DAYS} days to "
                f"{text.day_long(self.logged_to)}: {self.thin_log} days with a session planned "
                f"and nothing logged)")

    def limits(self, figure: str) -> tuple[float, ...]:
        """The thresholds ``figure`` (``acwr``, ``ewma`` or ``monotony``) is flagged against, for
        :func:`fmt_figure`: each its own, so that no figure reads near another's threshold."""
        return figure_limits(figure, self.acwr_max)

    @property
    def stale_log(self) -> bool:
        """A logged ratio exists but nothing was logged for the athlete in the 7 days before
        today: the ratio is that of an earlier day (:func:`logged_end`); not a flag."""
        return self.latest_logged_ewma_ratio is not None and not self.logged_lately

    def stale_words(self) -> str:
        """What a stale log means for the logged ratio (the words after "not a flag"): read now
        (a session logged today ends the gap), the days without one count as rest; read on an
        earlier day, the ratio is that day's."""
        if self.logged_when() == "now":
            return "the logged ratio reads them as rest days"
        return f"the logged ratio is that of {self.logged_days()}"


# -- formatting ------------------------------------------------------------------------------------
def defined(x) -> bool:
    return x is not None and not (isinstance(x, float) and not math.isfinite(x))


def fmt(x, digits: int = 2) -> str:
    """``x`` with ``digits`` decimals, or ``—`` when undefined (None, NaN, inf)."""
    if not defined(x):
        return DASH
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    return f"{x:,.{digits}f}" if digits == 0 else f"{x:.{digits}f}"


def kind_label(w) -> str:
    """A week's kind as a table shows it, a partial week's days after it: ``load``, ``pre-season
    (2 d)`` (the command line's table and the Load sheet alike: a first week logged from a
    Saturday read "pre-season" over 300 AU with nothing saying those were 2 days)."""
    return (w.kind or "pre-season") + ("" if w.days == 7 else f" ({w.days} d)")


def fmt_figure(x, limits: tuple[float, ...] = ()) -> str:
    """A ratio or a monotony as :func:`fmt` shows it (2 decimals), with as many more as it takes
    not to read as one of ``limits`` when it is not one (0.7985 is "0.799", not "0.80" next to
    the flag "EWMA ratio < 0.8")."""
    if not defined(x):
        return DASH
    digits = 2
    while digits < 6 and any(abs(round(x, digits) - t) < 1e-9 < abs(x - t) for t in limits):
        digits += 1
    return fmt(x, digits)


def figure_places(x, limits: tuple[float, ...] = ()) -> int:
    """The decimals :func:`fmt_figure` shows ``x`` with (2 unless it rounds onto a limit)."""
    text = fmt_figure(x, limits)
    return len(text.split(".")[1]) if "." in text else 0


def figure_limits(figure: str, acwr_max: float | None = None) -> tuple[float, ...]:
    """The thresholds ``figure`` is flagged against: the EWMA ratio's (``ewma``), monotony's
    (``monotony``) or LD-1's (``acwr``; none when LD-1 is off)."""
    if figure == "ewma":
        return (RATIO_LOW, RATIO_HIGH)
    if figure == "monotony":
        return (MONOTONY_HIGH,)
    return (acwr_max,) if acwr_max is not None else ()


def fmt_change(x: float | None) -> str:
    """A relative change as ``+18 %`` / ``-40 %``, or ``—``."""
    if not defined(x):
        return DASH
    pct = change_pct(x)
    return f"{pct:+.1f} %" if isinstance(pct, float) else f"{pct:+d} %"


def change_pct(x: float) -> int | float:
    """A relative change in percent as shown: whole, or (where that rounds onto the 15 % flag's
    threshold) one decimal rounded away from it, so that a flagged +15.04 % reads "+15.1 %" and
    an unflagged +14.96 % "+14.9 %" (both read "+15 %"). A whole number: a fall of 0.3 % is
    "+0 %", not "-0 %"."""
    pct = round(x * 100)
    if pct != round(SPIKE * 100) or abs(x - SPIKE) <= 1e-12:
        return pct
    tenths = x * 1000
    return (math.ceil(tenths) if x > SPIKE else math.floor(tenths)) / 10


def _num(x) -> float | None:
    """A float, or None for NaN / inf / None."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


# -- the series --------------------------------------------------------------------------------------
def _ratio(num: pandas.Series, den: pandas.Series, ok: pandas.Series) -> pandas.Series:
    out = num / den.where(den > 0)
    return out.where(ok)


def ewma_ratio(values: pandas.Series) -> tuple[pandas.Series, pandas.Series, pandas.Series]:
    """(acute, chronic, ratio) EWMA of a daily series; the ratio is NaN before 28 days of data
    and where the chronic load is 0."""
    acute = values.ewm(alpha=ACUTE_ALPHA, adjust=False).mean()
    chronic = values.ewm(alpha=CHRONIC_ALPHA, adjust=False).mean()
    enough = values.notna().cumsum() >= CHRONIC_DAYS
    return acute, chronic, _ratio(acute, chronic, enough)


def rolling_ratio(values: pandas.Series) -> pandas.Series:
    """Sum of the last 7 days / (sum of the last 28 / 4); NaN before 28 days or over 0."""
    s7 = values.rolling(ACUTE_DAYS, min_periods=ACUTE_DAYS).sum()
    s28 = values.rolling(CHRONIC_DAYS, min_periods=CHRONIC_DAYS).sum() / 4
    return _ratio(s7, s28, s28.notna())


def monotony(loads: list[float]) -> float | None:
    """Mean / sample standard deviation of a full week's 7 daily loads (None otherwise, or when
    the deviation is 0)."""
    if len(loads) != 7:
        return None
    mean = math.fsum(loads) / 7
    sd = math.sqrt(math.fsum((x - mean) ** 2 for x in loads) / 6)  # the sample SD (n - 1)
    if sd <= 1e-9 * max(1.0, abs(mean)):
        return None
    return mean / sd


def equal_days(loads: list[float]) -> bool:
    """Seven equal daily loads above 0: the most monotonous week there is. Its monotony is
    undefined (a deviation of 0: :func:`monotony` is None, never inf), yet the flag "monotony >
    2.0" is there for it (rules-spec.md section 8; docs/load.md): six equal days and a rest day
    read 2.27 and were flagged, seven equal days read "—" and were not. Seven days at 0 are
    no training, not monotony."""
    if len(loads) != 7:
        return False
    mean = math.fsum(loads) / 7
    return mean > 0 and monotony(loads) is None


def logged_end(al: AthleteLoad) -> int:
    """The index after the last day of the athlete's logged series: ``logged_until`` (today),
    or the first day after the athlete's last logged day with a session planned for him. Such
    a day has nothing logged: it is not logged yet (yesterday's GPS export not read in, or read
    for half the squad), not a rest day; read as 0 it made a player who had logged every
    session read "0.75, below 0.8", and after a week not read in, the whole squad. A day off
    after it is a rest day all the same, and a planned day with nothing logged *before* his
    last logged day is one he did not train (0; a flag on the ratio names it)."""
    end = al.logged_until
    last = next((k for k in range(end - 1, -1, -1) if al.logged[k] is not None), None)
    if last is None:
        return end
    return next((k for k in range(last + 1, end) if al.load[k] > 0), end)


def _logged_series(al: AthleteLoad, index: pandas.DatetimeIndex, end: int) -> pandas.Series:
    """The logged load from the first logged day to the day before ``end`` (0 on days without a
    session), NaN elsewhere."""
    import pandas as pd

    days = [k for k, x in enumerate(al.logged[:end]) if x is not None]
    out = pd.Series(float("nan"), index=index)
    if not days:
        return out
    vals = [float(al.logged[k] or 0.0) for k in range(days[0], end)]
    out.iloc[days[0]:end] = vals
    return out


def _gaps(al: AthleteLoad, days: list[int]) -> list[float]:
    """For each of ``days``, the days with a session planned and nothing logged in the longest
    gap in logging (days with nothing logged, one after another) within its 28 days: a logged
    day ends a gap, a rest day does not, nor a day of unknown load (``AthleteLoad.unknown``: no
    session was planned for a day before the season was first planned)."""
    unknown = al.unknown or (False,) * len(al.load)
    run, runs = 0, []  # the planned days not logged since the last day logged, to each day
    for k in range(len(al.load)):
        run = 0 if al.logged[k] is not None else run + (al.load[k] > 0 and not unknown[k])
        runs.append(run)
    out = []
    for d in days:
        lo = max(0, d - CHRONIC_DAYS + 1)
        before = runs[lo - 1] if lo else 0  # the days of a gap begun before the 28
        best, first = 0, True
        for k in range(lo, d + 1):
            first = first and al.logged[k] is None
            best = max(best, runs[k] - before if first else runs[k])
        out.append(float(best))
    return out


def daily_frame(al: AthleteLoad, end: int | None = None) -> pandas.DataFrame:
    """The athlete's daily figures (see :data:`COLUMNS`); ``end``: the index after the logged
    series' last day (:func:`logged_end`; the athlete's ``logged_until`` by default)."""
    import pandas as pd

    index = pd.date_range(al.origin, periods=len(al.load), freq="D", name="date")
    load = pd.Series([float(x) for x in al.load], index=index)
    # a day not with the squad has no known load (NaN): the EWMA is seeded with his first day
    # with the squad and the 28 days count his days with it
    known = load.where(~pd.Series(list(al.unknown) or [False] * len(load), index=index))
    acute, chronic, ratio = (x.where(known.notna()) for x in ewma_ratio(known))
    logged = _logged_series(al, index, al.logged_until if end is None else end)
    lr = pd.Series(float("nan"), index=index)
    seen = logged.dropna()
    # the planned days not logged of the longest gap in logging in the 28 up to each day of the
    # logged series: read as 0 there, too little logged to compare when more than UNLOGGED_MOST
    unlogged = pd.Series(float("nan"), index=index)
    if len(seen):
        unlogged.loc[seen.index] = _gaps(al, [index.get_loc(d) for d in seen.index])
        lr.loc[seen.index] = ewma_ratio(seen)[2].where(unlogged.loc[seen.index] <= UNLOGGED_MOST)
    return pd.DataFrame({
        "planned": [float(x) for x in al.planned],
        "logged": [float("nan") if x is None else float(x) for x in al.logged],
        "load": load, "ewma_acute": acute, "ewma_chronic": chronic, "ewma_ratio": ratio,
        "rolling_ratio": rolling_ratio(known), "logged_ewma_ratio": lr, "unlogged_28": unlogged,
    }, index=index)


# -- weeks -----------------------------------------------------------------------------------------------
def _change(w: WeekLoad, prev: WeekLoad | None) -> float | None:
    if prev is None or not (w.counted and prev.counted) or prev.load <= 0:
        return None
    return (w.load - prev.load) / prev.load


# the kinds of flag by how much they say about what a coach may want to change (a kind's rank is
# its place here): a week above LD-1's limit, a deload or taper logged far above its plan, the
# EWMA ratio high, the load up on last week, the ratio low, monotony
FLAG_KINDS = ("ACWR", "not kept", "EWMA ratio high", "load up", "EWMA ratio low", "monotony")
ACWR, NOT_KEPT, RATIO_UP, LOAD_UP, RATIO_DOWN, MONOTONOUS = range(len(FLAG_KINDS))
OFF_PLAN = LOAD_NOTED  # logged differs from the plan by more than this share (as on a handout)
# week kinds planned lighter (less volume): an EWMA ratio below RATIO_LOW is what they are for,
# and one logged more than OFF_PLAN above its plan was not kept
PLANNED_LOW = ("taper", "deload")


def before_season(w) -> float:
    """The load a season week (a ``WeekLoad`` or :class:`WeekFigures`) holding the season's
    first day logged on its days before it, where nothing was planned (0 for any other week):
    its ``planned`` counts the season's days only, so set against it that load read a week
    logged exactly as planned "+50 % on the plan"."""
    if w.planned is None or w.logged is None:
        return 0.0
    return w.logged - (w.season_logged or 0.0)


def before_season_words(w) -> str:
    """What a week holding the season's first day logged before it, in the words of the command
    line's and the Load sheet's flags column and of the Load panel's readout: ``975 AU logged
    before the season (no plan there)``; "" for any other week (:func:`before_season`)."""
    pre = before_season(w)
    return f"{au_words(pre)} logged before the season (no plan there)" if pre > 0.5 else ""


def off_plan(w) -> float | None:
    """How far a week with sessions logged (a ``WeekLoad`` or :class:`WeekFigures`) is off its
    planned load, ``(counted - planned) / planned`` (0.79: +79 %; the week's load as counted, days
    with nothing logged at their planned load; ``inf`` when nothing was planned), when the two
    differ by more than :data:`OFF_PLAN`; None otherwise (or nothing logged on its season days,
    nothing planned). The same days each side: a week holding the season's first day leaves
    out what was logged before it (:func:`before_season`)."""
    if w.season_logged is None or w.planned is None:
        return None
    done, plan = round(w.load - before_season(w)), round(w.planned)
    if abs(done - plan) <= OFF_PLAN * plan or done == plan:
        return None
    return (done - plan) / plan if plan else math.inf


def not_kept_words(kind: str, off: float, counted: bool = False) -> str:
    """A deload or taper week logged ``off`` above its plan, short: ``deload not kept: logged
    +79 % on plan`` (``counted``: days with nothing logged count their planned load in it,
    ``counted +29 % on plan``, as the Load panel calls the week's load then)."""
    return f"{kind} not kept: {'counted' if counted else 'logged'} {fmt_change(off)} on plan"


def week_flag_kinds(ratio: float | None, mono: float | None, change: float | None,
                    above: float | None = None, no_chronic: bool = False,
                    from_zero: bool = False, not_kept: str = "",
                    on_unlogged: bool = False, flat: bool = False) -> tuple[tuple[int, str], ...]:
    """The week's flags, each with its kind (:data:`FLAG_KINDS`), in :func:`week_flags`'s order:
    the kind ranks a flag however it is worded. ``not_kept``: the words of a deload or taper
    logged far above its plan (:func:`not_kept_words`); ``on_unlogged``: the week before is one
    not logged between weeks logged, so that a change compares with its plan (``load +58 % on a
    week not logged``); ``flat``: seven equal days above 0 (:func:`equal_days`), whose monotony
    is undefined but the highest there is (``monotony > 2.0 (seven equal days)``)."""
    out = [(ACWR, AFTER_NONE if no_chronic else f"ACWR > {above:g}")] if above is not None else []
    if not_kept:
        out.append((NOT_KEPT, not_kept))
    if ratio is not None and ratio > RATIO_HIGH:
        out.append((RATIO_UP, f"EWMA ratio > {RATIO_HIGH:g}"))
    if ratio is not None and ratio < RATIO_LOW:
        out.append((RATIO_DOWN, f"EWMA ratio < {RATIO_LOW:g}"))
    if mono is not None and mono > MONOTONY_HIGH:
        out.append((MONOTONOUS, f"monotony > {MONOTONY_HIGH:.1f}"))
    elif flat:
        out.append((MONOTONOUS, f"monotony > {MONOTONY_HIGH:.1f} ({FLAT_WORDS})"))
    if change is not None and change > SPIKE:
        out.append((LOAD_UP, f"load {fmt_change(change)}" + (f" {ON_NOT_LOGGED}" if on_unlogged else "")))
    elif from_zero:
        out.append((LOAD_UP, FROM_ZERO))
    return tuple(out)


def week_flags(ratio: float | None, mono: float | None, change: float | None,
               above: float | None = None, no_chronic: bool = False,
               from_zero: bool = False, not_kept: str = "", flat: bool = False) -> tuple[str, ...]:
    """The week's flags, short: ``ACWR > 1.3`` (``above``: the week is above LD-1's limit, that
    limit; :data:`AFTER_NONE` instead when the four weeks before had no load at all, so that no
    ratio exists), ``deload not kept: logged +79 % on plan`` (``not_kept``), ``EWMA ratio >
    1.5``, ``monotony > 2.0``, ``load +22 %`` (:data:`FROM_ZERO` with ``from_zero``: load after a
    full week at 0, up more than 15 % though no change exists). ``mono``: the monotony to flag
    (None: not flagged; ``flat``: seven equal days above 0, flagged though it is undefined)."""
    return tuple(words for _kind, words in week_flag_kinds(ratio, mono, change, above, no_chronic,
                                                           from_zero, not_kept, flat=flat))


def _mean(values: list[float]) -> float | None:
    """The mean of days that all have a value (None when one has none, NaN)."""
    if not values or any(math.isnan(v) for v in values):
        return None
    return _num(statistics.fmean(values))


def above_limit(w: WeekLoad, most: float) -> bool:
    """Is the week's load above ``most`` times its chronic load, decided as the plan checker's
    LD-1 decides it (integers: 400 x load > round(100 most) x the four weeks' sum)?"""
    if w.chronic is None or math.isinf(most):
        return False
    return 400 * round(w.load) > round(100 * most) * round(4 * w.chronic)


def _week(al: AthleteLoad, cols: dict[str, list[float]], w: WeekLoad, prev: WeekLoad | None,
          most: float, end: int) -> WeekFigures:
    a = al.index(w.start)
    b = a + w.days - 1
    if w.away:  # wholly not with the squad: nothing known, no figure
        return _away_week(w)
    loads = [float(x) for x in al.load[a:b + 1]]
    mono = None if w.unknown else monotony(loads)
    change = _change(w, prev)
    # rules-spec.md section 8 flags a week up more than 15 % on the week before: from a full week
    # at 0 (away, injured) any load is, though the change itself is undefined; a week not with
    # the squad is no week at 0
    from_zero = (prev is not None and w.counted and prev.counted and prev.load <= 0 and w.load > 0)
    ratio = _mean(cols["ewma_ratio"][a:b + 1])
    logged_ratio, thin = _logged_week(cols, a, min(b, end - 1))
    ratio_to, ratio_days = None, 0
    if a <= end - 1 < b:  # the week the logged series stops in: its ratio is the ratio now
        logged_ratio, ratio_days = logged_now(cols["logged_ewma_ratio"], end)
        thin = _thin(cols, end, len(al.load)) > 0
        ratio_to = al.date(end - 1) if logged_ratio is not None else None
    # every full week, planned or logged (rules-spec.md section 8): a plan of six equal
    # sessions a week is what the flag is there to show (docs/load.md); not a week he is away
    # all of (a loaned player read 'EWMA ratio < 0.8' every week to May): the week back keeps its
    flags = () if w.away_all_week else week_flag_kinds(
        ratio, mono, change, most if above_limit(w, most) else None, no_chronic=w.chronic == 0,
        from_zero=from_zero, not_kept=_not_kept(w, b < al.today),
        on_unlogged=prev is not None and not_logged_between(al, prev),
        flat=not w.unknown and equal_days(loads))
    return WeekFigures(
        start=w.start, days=w.days, kind=w.kind, in_season=w.in_season,
        planned=None if w.planned is None else float(w.planned),
        logged=None if w.logged is None else float(w.logged), load=float(w.load), change=change,
        chronic=w.chronic, acwr=w.ratio, ewma_ratio=ratio,
        rolling_ratio=_num(cols["rolling_ratio"][b]), monotony=mono,
        strain=None if mono is None else w.load * mono, logged_ewma_ratio=logged_ratio,
        to_come=float(sum(al.load[max(a, al.logged_until):b + 1])),
        flags=tuple(words for _kind, words in flags), kinds=tuple(sorted(k for k, _w in flags)),
        unknown=w.unknown, absent=w.absent, thin_log=thin, not_logged=not_logged_between(al, w),
        unplanned=w.unplanned, season_logged=w.season_logged, logged_ratio_to=ratio_to,
        logged_ratio_days=ratio_days)


def not_logged_between(al: AthleteLoad, w: WeekLoad) -> bool:
    """Is ``w`` a week before today with sessions planned and nothing logged, though the athlete
    logged sessions before it and after it (before today)? Its load is then the plan's, not
    what was done: the row says "not logged", and a change against it that it compares with
    the plan."""
    a = al.index(w.start)
    b = a + w.days - 1
    # a week away on all its days, or one with no session planned, is no session missing
    if w.logged is not None or w.away or b >= al.today or w.absent >= w.days or w.load <= 0:
        return False
    return (any(x is not None for x in al.logged[:a])
            and any(x is not None for x in al.logged[b + 1:al.logged_until]))


def _not_kept(w: WeekLoad, past: bool) -> str:
    """The flag of a ``past`` deload or taper week (the athlete's week kind) with sessions logged
    whose load, as counted, is more than :data:`OFF_PLAN` above its plan: a deload logged at
    +79 % was flagged nowhere once it was no longer last week. "" otherwise (a planned week: no)."""
    off = off_plan(w) if past and w.kind in PLANNED_LOW else None
    if off is None or not 0 < off < math.inf:
        return ""
    return not_kept_words(w.kind, off, counted=round(w.load) != round(w.logged))


def _logged_week(cols: dict[str, list[float]], a: int, b: int) -> tuple[float | None, bool]:
    """The logged ratio of the week's days ``a`` to ``b`` (the mean of its days' ratios; None
    when the logged series has no day there), and whether a day of them has too little logged
    in its 28 days for one (:data:`UNLOGGED_MOST`)."""
    if a > b:
        return None, False
    thin = any(x > UNLOGGED_MOST for x in cols["unlogged_28"][a:b + 1] if not math.isnan(x))
    return _mean(cols["logged_ewma_ratio"][a:b + 1]), thin


def _away_week(w: WeekLoad) -> WeekFigures:
    """A week wholly not with the squad: its kind and days, no load, no figure, no flag."""
    return WeekFigures(
        start=w.start, days=w.days, kind=w.kind, in_season=w.in_season, planned=None, logged=None,
        load=0.0, change=None, chronic=None, acwr=None, ewma_ratio=None, rolling_ratio=None,
        monotony=None, strain=None, logged_ewma_ratio=None, flags=(), unknown=w.unknown,
        unplanned=w.unplanned)


# -- an athlete, the squad -------------------------------------------------------------------------------
def athlete_figures(season: Season, al: AthleteLoad) -> AthleteFigures:
    end = logged_end(al)
    daily = daily_frame(al, end)
    cols = {c: daily[c].tolist()
            for c in ("ewma_ratio", "rolling_ratio", "logged_ewma_ratio", "unlogged_28")}
    rs = RuleSet(season.rules)
    most = rs.value("LD-1", "acwr_max") if rs.active("LD-1") else math.inf  # off: no LD-1 flag
    weeks = tuple(_week(al, cols, w, al.weeks[k - 1] if k else None, most, end)
                  for k, w in enumerate(al.weeks))
    has_log = any(x is not None for x in al.logged[:al.logged_until])
    latest, latest_days = logged_now(cols["logged_ewma_ratio"], min(end, len(al.load)))
    a = season.athlete(al.athlete)
    name = a.name if a is not None else al.athlete
    lately = any(x is not None for x in al.logged[max(0, al.today - 7):al.today])
    first = next((k for k, x in enumerate(al.logged[:end]) if x is not None), None)
    span = 0 if first is None else min(end, len(al.load)) - first
    acwr_max = None if math.isinf(most) else most
    today = al.date(al.today)
    last = next((k for k in range(len(weeks) - 1, -1, -1)
                 if weeks[k].full and weeks[k].end < today), None)
    spike = (weeks[last] if last is not None and weeks[last].logged is not None
             and above_limit(al.weeks[last], most) else None)
    extra = {"logged_lately": lately, "acwr_max": acwr_max, "log_span": span,
             "logged_spike": spike, "logged_to": al.date(end - 1) if first is not None else None,
             "today": today, "thin_log": _thin(cols, end, len(al.load)), "latest_days": latest_days}
    figs = AthleteFigures(al.athlete, name, weeks, daily, has_log, latest, (), **extra)
    said = _sentences(season, al, figs)
    return AthleteFigures(al.athlete, name, weeks, daily, has_log, latest,
                          tuple(t for t, _d, _r in said), tuple(d for _t, d, _r in said),
                          flag_ranks=tuple(r for _t, _d, r in said), **extra)


def logged_now(ratios: list[float], end: int) -> tuple[float | None, int]:
    """The logged ratio now and the days it is the mean of: the mean of the daily logged ratios
    (``ratios``, NaN: none) of the 7 days to the logged series' last day (the index ``end`` - 1),
    as a week's ratio is the mean of its 7 days: read on one day it swings with the week's rhythm
    (a Monday's "now" read the Sunday's rest day alone, and an athlete who logged exactly the
    plan read "0.67, below 0.8" while that week read 0.82). Fewer days in the log's first week
    with a ratio (the days that have one); (None, 0) when the last day has none (less than 28
    days of log, too little logged to compare)."""
    if end <= 0 or math.isnan(ratios[end - 1]):
        return None, 0
    days = [x for x in ratios[max(0, end - ACUTE_DAYS):end] if not math.isnan(x)]
    return _num(statistics.fmean(days)), len(days)


def _thin(cols: dict[str, list[float]], end: int, n: int) -> int:
    """The days with a session planned and nothing logged in the longest gap in logging in the
    28 to the logged series' last day, when too many for a logged ratio
    (:data:`UNLOGGED_MOST`); 0 otherwise."""
    if end <= 0:
        return 0
    x = cols["unlogged_28"][min(end, n) - 1]
    return int(x) if not math.isnan(x) and x > UNLOGGED_MOST else 0


def figures(season: Season, plan: Plan | None = None) -> dict[str, AthleteFigures]:
    """Every athlete's figures for ``plan`` (the season's stored plan by default; {} without one)."""
    out: dict[str, AthleteFigures] = {}
    for out in figures_steps(season, plan):  # noqa: B007 - the last value is the answer
        pass
    return out


def figures_steps(season: Season, plan: Plan | None = None):
    """:func:`figures` one athlete at a time (an app works them out between its events): yields
    None after each athlete worked out, then the figures of all. Each athlete's figures are kept
    by what they read (:func:`athlete_inputs`): on 40 x 52 a match role, an injury or a session
    logged for one athlete worked out all 40 again (1 s of the window's thread)."""
    plan = plan or season.plan
    out: dict[str, AthleteFigures] = {}
    if plan is not None and plan.athletes:
        shared, inputs = tuple(getattr(season, k) for k in SHARED), athlete_inputs(season, plan)
        made = None  # the timeline and the load table, made when an athlete is worked out
        for ap in plan.athletes:
            if ap.athlete in plan.unplanned:  # a placeholder until a solve: no figures made up
                continue
            kept = _kept.get(ap.athlete) or _kept.setdefault(ap.athlete, ByInputs(KEPT))
            f = kept.get(shared, inputs[ap.athlete])
            if f is None:
                made = made or (Timeline(season), LoadTable.of_season(season))
                al = lived_load(season, plan, ap.athlete, table=made[1], tl=made[0], count_today=True)
                f = athlete_figures(season, al)
                kept.put(shared, inputs[ap.athlete], f)
                yield None
            out[ap.athlete] = f
    yield out


# What every athlete's figures read of the season, compared by identity (an edit keeps the
# parts it does not change): the dates and today, the competitions, the blocks, the rules. The
# rest is read athlete by athlete (:func:`athlete_inputs`); the season's name, pins and
# scenarios are not read.
SHARED = ("calendar", "competitions", "blocks", "rules")
KEPT = 8  # the figures kept per athlete (an edit, its undo and redo, the seasons before)
_kept: dict[str, ByInputs] = {}  # athlete id -> the figures kept


def athlete_inputs(season: Season, plan: Plan) -> dict[str, tuple]:
    """Athlete id -> what the athlete's figures read of the season besides :data:`SHARED`,
    compared by value: the athlete's entry (name, position, default role, max speed), absences
    and days not with the squad, injury records, logged sessions and match roles, the athlete's
    row of ``plan`` and of the stored plan (whose days before today the load reads as lived),
    and the first day the stored plan knows (``planner.loadtable.known_from``, read from the
    whole plan)."""
    ids = [ap.athlete for ap in plan.athletes]
    own: dict[str, tuple[list, ...]] = {aid: ([], [], [], []) for aid in ids}
    for k, part in enumerate((season.unavailability, season.injuries, season.sessions, season.roles)):
        for x in part:
            if x.athlete in own:
                own[x.athlete][k].append(x)
    stored = {ap.athlete: ap for ap in season.plan.athletes} if season.plan is not None else {}
    rows = {ap.athlete: ap for ap in plan.athletes}
    first = known_from(season)
    return {aid: (season.athlete(aid), *map(tuple, own[aid]), rows[aid], stored.get(aid),
                  aid in plan.unplanned, first) for aid in ids}


def forget() -> None:
    """Every athlete's figures kept (tests: worked out from nothing)."""
    for kept in list(_kept.values()):
        kept.clear()


def unplanned_note(season: Season, figs: dict[str, AthleteFigures]) -> str:
    """The one sentence that says the weeks before the season was first planned, with nothing
    logged, are not counted (``WeekFigures.unplanned``): "Before Mon 7 Dec nothing is logged:
    those weeks are not counted; the ratios start 4 weeks after." ("" when no week is so). A
    season entered mid-season otherwise read its figures' first weeks as made up."""
    weeks = [w for f in figs.values() for w in f.weeks if w.in_season and w.end < known_from(season)]
    if not any(w.unplanned for w in weeks):
        return ""
    day = text.day(known_from(season))
    if all(w.unplanned for w in weeks):
        return f"Before {day} nothing is logged: those weeks are not counted; the ratios start 4 weeks after."
    return (f"Before {day} the weeks with nothing logged are not counted; the ratios start 4 weeks "
            f"after the last of them.")


def team_median(figs: dict[str, AthleteFigures]) -> list[tuple[dt.date, float | None]]:
    """The squad's weekly median of the **EWMA ratio** (each athlete's week value, see
    :class:`WeekFigures`), by week start in date order; None for a week where no athlete has one."""
    by_week: dict[dt.date, list[float]] = {}
    for f in figs.values():
        for w in f.weeks:
            vals = by_week.setdefault(w.start, [])
            if w.ewma_ratio is not None:
                vals.append(w.ewma_ratio)
    return [(d, statistics.median(v) if v else None) for d, v in sorted(by_week.items())]


def _current(al: AthleteLoad, weeks: tuple[WeekFigures, ...]) -> list[WeekFigures]:
    """The week that ended last before today (what happened) and the week of today (planned)."""
    today = al.date(al.today)
    past = [w for w in weeks if w.end < today]
    now = [w for w in weeks if w.start <= today <= w.end]
    return past[-1:] + now[:1]


def _sentences(season: Season, al: AthleteLoad,
               f: AthleteFigures) -> list[tuple[str, dt.date, tuple[int, ...]]]:
    """(sentence, the day it is about, its rank) for each flag of the athlete now; the rank
    puts the logged ratio first, then last week, then this week (what happened before what is
    planned), each by the kinds of its flags (``WeekFigures.kinds``)."""
    label = season.athlete_label(al.athlete)
    out = []
    r = f.latest_logged_ewma_ratio
    if _away_lately(al):  # away all the last 7 days (on loan, ill): nothing logged is no news
        pass
    elif f.stale_log:
        out.append((f"{label}: no session logged in the 7 days before today ({f.stale_words()}; "
                    f"the load figures count their planned load).", al.date(al.today - 1),
                    (0, len(FLAG_KINDS))))
    elif r is not None and (r > RATIO_HIGH or r < RATIO_LOW):
        day = f.logged_to
        side = f"above {RATIO_HIGH:g}" if r > RATIO_HIGH else f"below {RATIO_LOW:g}"
        mean = " (the mean of their daily ratios)" if f.latest_days > 1 else ""
        out.append((f"{label}: the logged EWMA acute:chronic ratio {f.logged_over()}{mean} is "
                    f"{fmt_figure(r, f.limits('ewma'))}, {side}"
                    f"{_unlogged_words(al, day)}.", day,
                    (0, RATIO_UP if r > RATIO_HIGH else RATIO_DOWN)))
    today = al.date(al.today)
    for w in _current(al, f.weeks):
        if w.flags:
            if season.calendar.today is None:  # nothing says where the season stands
                when = "the plan's first week" if w.end >= today else "before the season"
            else:
                when = this_week_words(w) if w.end >= today else "last week"
            out.append((f"{label}: {text.week_of(w.start)} ({when}): {', '.join(w.flags)}.", w.start,
                        (2 if w.end >= today else 1, *w.kinds)))
    return out


def this_week_words(w: WeekFigures) -> str:
    """What the flags of the week of today read: the plan alone ("this week, planned"), or the
    sessions logged so far in it and the plan for the rest ("this week: logged so far and
    planned"): a spike made by Wednesday's logged session read "(this week, planned)", as if the
    plan had made it."""
    return "this week, planned" if w.logged is None else "this week: logged so far and planned"


def _away_lately(al: AthleteLoad) -> bool:
    """Was the athlete away (any unavailability) on each of the 7 days before today?"""
    days = al.absent[max(0, al.today - 7):al.today]
    return len(days) == 7 and all(days)


def _unlogged_words(al: AthleteLoad, last: dt.date) -> str:
    """The athlete's days of the week up to ``last`` with a session planned and nothing logged
    (before a day he logged): the logged ratio reads them as days without training, the other
    figures count their planned session, so a low ratio may be a row missing from the log."""
    end = al.index(last) + 1
    days = [al.date(k) for k in range(max(0, end - 7), end)
            if al.logged[k] is None and al.load[k] > 0]
    if not days:
        return ""
    return (f" ({text.nothing_logged_on(days)}: read as no training here, while the other figures count the planned "
            f"{'session' if len(days) == 1 else 'sessions'})")


GROUP_FROM = 3  # athletes sharing one flag sentence make one line
NAME_UP_TO = 5  # a line of at most this many athletes names them


def grouped(season: Season, lines: list[tuple]) -> list[tuple]:
    """The flags with the same sentence for several athletes (a load week after a deload: "load
    +31 %" for the whole squad) as one line, "24 athletes (the whole squad): week of ...", or
    with the names when at most :data:`NAME_UP_TO`. Fewer than :data:`GROUP_FROM` stay one line
    each. ``lines``: (sentence, athlete, day); items: (sentence, first athlete, day, the names
    and the sentence, how many)."""
    groups: dict[tuple, list[tuple]] = {}
    for line, aid, day in lines:
        label = f"{season.athlete_label(aid)}: "
        rest = line[len(label):] if line.startswith(label) else None
        # a sentence that does not start with its athlete is never grouped (its own key)
        groups.setdefault((rest, day) if rest is not None else (None, line, aid, day), []).append(
            (line, aid, day))
    out = []
    for key, items in groups.items():
        if key[0] is None or len(items) < GROUP_FROM:
            out += [(line, aid, day, "", 1) for line, aid, day in items]
            continue
        rest, day = key
        everyone = " (the whole squad)" if len(items) == len(season.athletes) else ""
        names = ", ".join(season.athlete(aid).name for _l, aid, _d in items)
        if not everyone and len(items) <= NAME_UP_TO:  # a few: named on the line itself
            everyone = f" ({names})"
        out.append((f"{len(items)} athletes{everyone}: {rest}", items[0][1], day,
                    f"{names}: {rest}", len(items)))
    return out


def planned_low_week(f: AthleteFigures, rank: tuple[int, ...], day: dt.date) -> WeekFigures | None:
    """The taper or deload week of ``f`` holding ``day`` when a flag ranked ``rank`` (its
    ``flag_ranks`` entry) says only that an EWMA ratio is below :data:`RATIO_LOW` (the logged
    ratio, or a week's only flag): the intended effect of the week the plan gives, not news.
    None for any other flag or week."""
    if len(rank) < 2 or set(rank[1:]) != {RATIO_DOWN}:
        return None
    w = next((w for w in f.weeks if w.start <= day <= w.end), None)
    return w if w is not None and w.kind in PLANNED_LOW else None


def in_rehab_in(season: Season, athlete: str, w: WeekFigures) -> bool:
    """Whether the plan or the records hold ``athlete`` in a rehab stage on a day of week ``w``:
    his week's kind (deload or load) is then his rehab's, not the team's deload or taper; an
    injury recorded since the plan was made counts too (the plan still has him fit)."""
    from planner.rehab import athlete_stage_on
    from planner.squad import plan_row

    row = plan_row(season.plan, athlete)  # a placeholder's FIT says nothing: the records do
    first = (w.start - season.calendar.start).days
    if row is not None and any(st != FIT for st in row.stages[max(first, 0):max(first + w.days, 0)]):
        return True
    records = season.injuries_of(athlete)
    return bool(records) and any(
        athlete_stage_on(records, w.start + dt.timedelta(days=k)) != FIT for k in range(w.days))


def grouped_planned_apart(season: Season, figs: dict, lines: list[tuple]) -> list[tuple]:
    """:func:`grouped` of ``lines`` (:func:`now_lines`) with the flags :func:`planned_low_week`
    finds as planned put after the others, one line per week: "week of 26 Apr 2027 (taper, as
    planned): 18 athletes below 0.8". At the season's end the list read 46 flags, mostly the
    taper's ratios below 0.8, and the one logged week far off the plan was lost among them.
    A player in a rehab stage that week keeps his flag on a line of its own: his deload is his
    rehab's, not the squad's week as planned. Each athlete's own flags (his chart, ``periodize load``, the CSV) keep the sentence."""
    ranks = {(aid, x): r for aid, f in figs.items()
             for x, r in zip(f.flags, f.flag_ranks or ((),) * len(f.flags), strict=True)}
    rest, planned, count = [], {}, Counter()
    for line, aid, day in lines:
        w = planned_low_week(figs[aid], ranks.get((aid, line), ()), day) if aid in figs else None
        if w is None or in_rehab_in(season, aid, w):  # his deload is rehab's, not the team's
            rest.append((line, aid, day))
        else:  # the logged ratio and the week's own flag of one athlete: one name, two flags
            planned.setdefault((w.start, w.kind), {}).setdefault(aid, day)
            count[w.start, w.kind] += 1
    out = grouped(season, rest)
    for (start, kind), who in sorted(planned.items()):
        names = ", ".join(season.athlete(aid).name for aid in who)
        aid, day = next(iter(who.items()))
        named = f" ({names})" if len(who) <= NAME_UP_TO else ""
        out.append((f"{text.week_of(start)} ({kind}, as planned): {text.plural(len(who), 'athlete')} "
                    f"below {RATIO_LOW:g}{named}", aid, day,
                    f"{names}: an EWMA acute:chronic ratio below {RATIO_LOW:g} is what the {kind} "
                    f"week the plan gives is for (less volume), not a flag to act on.",
                    count[start, kind]))
    return out


def now_week(figs: dict, season: Season) -> WeekFigures | None:
    """The week the flags of now are about (:func:`_current`): the week of today, or the plan's
    first week in a season without today (the nearest week when today is outside the figures)."""
    day = season.calendar.today or season.calendar.start
    return week_at(figs, day) or week_at(figs, min(max(day, season.calendar.start), season.calendar.end))


def week_at(figs: dict, day: dt.date) -> WeekFigures | None:
    """The week of the figures ``figs`` that holds ``day`` (None: outside them)."""
    return next((w for f in figs.values() for w in f.weeks if w.start <= day <= w.end), None)


def week_flag_lines(season: Season, figs: dict, day: dt.date) -> list[tuple[str, str, dt.date]]:
    """(sentence, athlete, the week's first day) for each athlete whose week holding ``day`` has
    flags: the team's list for a week other than now's. The same kinds of flag together, the
    weightier first (``WeekFigures.kinds``), athletes in the order of ``figs`` within each."""
    today = season.calendar.today
    out = []
    for aid, f in figs.items():
        w = next((w for w in f.weeks if w.start <= day <= w.end), None)
        if w is not None and w.flags:
            # a past week with nothing logged was read from the plan (it said "logged"); the
            # week of today with sessions logged in it, from them and the plan for the rest
            when = ("" if today is None else " (planned)" if w.logged is None
                    else " (logged)" if w.end < today
                    else " (logged so far and planned)" if w.start <= today else " (planned)")
            out.append((w.kinds, f"{season.athlete_label(aid)}: {text.week_of(w.start)}"
                        f"{when}: {', '.join(w.flags)}.", aid, w.start))
    out.sort(key=lambda x: x[0])  # stable: the order of ``figs`` within a kind
    return [x[1:] for x in out]


def _board_order(season: Season, figs: dict, order: list[str] | None) -> list[str]:
    """The athletes of ``figs`` in ``order`` (the board's rows; the squad's display order, as
    the board lists it, by default), those it does not name after them."""
    if order is None:
        from planner.squad import display_order

        order = [a.id for a in display_order(season)]
    rank = {aid: k for k, aid in enumerate(order)}
    return sorted(figs, key=lambda aid: rank.get(aid, len(rank)))


def now_lines(season: Season, figs: dict,
              order: list[str] | None = None) -> list[tuple[str, str, dt.date]]:
    """(sentence, athlete, the day it is about) for every flag of now (each athlete's
    ``flags``): what happened (the logged ratio, last week) before the plan (this week), the
    same kinds of flag together, the weightier first (``WeekFigures.kinds``), and within a kind
    the athletes in ``order`` (the board's; the squad's display order by default)."""
    lines = []
    for k, aid in enumerate(_board_order(season, figs, order)):
        f = figs[aid]
        ranks = f.flag_ranks or ((),) * len(f.flags)
        days = f.flag_days or (None,) * len(f.flags)
        lines += [(r, k, x, aid, d) for x, d, r in zip(f.flags, days, ranks, strict=True)]
    lines.sort(key=lambda x: (x[0], x[1]))
    return [(x, aid, d) for _r, _k, x, aid, d in lines]


OFF_PLAN_WEEKS = 3  # an athlete's weeks off the plan named in full after an import; the rest counted


def off_plan_lines(season: Season, figs: dict, order: list[str] | None = None,
                   logged=None) -> list[tuple[str, str, dt.date]]:
    """(sentence, athlete, the week's first day) for each athlete whose last week before today,
    with sessions logged in it, differs from its planned load by more than :data:`OFF_PLAN`
    (days with nothing logged count as planned, as in the figures), the farthest off first,
    then in ``order`` (the board's; the squad's display order by default). ``logged``: the
    sessions just imported; when some are before today, the weeks listed are theirs instead
    (:func:`imported_weeks`): an import of five weeks named the last one alone, and a deload
    logged at +79 % three weeks back went unsaid. Each athlete's weeks farthest off first, at
    most :data:`OFF_PLAN_WEEKS` in full, the rest on one line ("and 2 more weeks ...")."""
    weeks = imported_weeks(season, figs, logged)
    out = []
    for k, aid in enumerate(_board_order(season, figs, order)):
        f = figs[aid]
        if season.calendar.today is None or f.today is None:
            continue
        past = [w for w in f.weeks if w.end < f.today]
        chosen = past[-1:] if weeks is None else [w for w in past if w.start in weeks.get(aid, ())]
        offs = sorted(((off, w) for w in chosen if (off := off_plan(w)) is not None),
                      key=lambda x: -abs(x[0]))
        if offs:
            out.append((-abs(offs[0][0]), k, _off_plan_athlete(season, aid, offs)))
    out.sort(key=lambda x: (x[0], x[1]))
    return [line for x in out for line in x[2]]


def imported_weeks(season: Season, figs: dict, logged) -> dict[str, set[dt.date]] | None:
    """The first days of each athlete's weeks in ``figs`` that hold a session of ``logged`` and
    end before today (the weeks :func:`off_plan_lines` can compare: the week of today is not
    complete); None when there is none (no import, or one of this week's sessions only: last
    week is what is listed then). An import on a Wednesday of last week and Monday and Tuesday
    was headed "in the 2 weeks just logged", though one week was compared."""
    today = season.calendar.today
    if logged is None or today is None:
        return None
    days: dict[str, set[dt.date]] = {}
    for x in logged:
        if x.date < today and x.athlete in figs:
            days.setdefault(x.athlete, set()).add(x.date)
    out = {aid: weeks for aid, got in days.items()
           if (weeks := {w.start for w in figs[aid].weeks
                         if w.end < today and any(w.start <= d <= w.end for d in got)})}
    return out or None


def last_week(figs: dict, today: dt.date) -> WeekFigures | None:
    """The last week of ``figs`` that ends before ``today`` (the one :func:`off_plan_lines`
    compares without an import): the week before the week of today."""
    now = week_at(figs, today)
    return week_at(figs, (now.start if now is not None else today) - dt.timedelta(days=1))


def _off_plan_athlete(season: Season, aid: str, offs: list) -> list[tuple[str, str, dt.date]]:
    """An athlete's weeks off the plan (``(off, week)``, the farthest first) as lines, the
    weeks after :data:`OFF_PLAN_WEEKS` counted on one."""
    label = season.athlete_label(aid)
    out = []
    for off, w in offs[:OFF_PLAN_WEEKS]:
        plan = round(w.planned)
        change = f"{fmt_change(off)} on the plan" if plan else "nothing planned"
        out.append((f"{label}: {text.week_of(w.start)}: {logged_words(w)}, planned "
                    f"{au_words(plan)} ({change}).", aid, w.start))
    rest = offs[OFF_PLAN_WEEKS:]
    if rest:
        said = text.join_and([f"{text.date_short(w.start)} ({fmt_change(off)})" for off, w in rest])
        weeks = "week of" if len(rest) == 1 else "weeks of"
        out.append((f"{label}: and {text.plural(len(rest), 'more week')} off the plan: {weeks} "
                    f"{said}.", aid, rest[0][1].start))
    return out


def au_words(load: float) -> str:
    """A load in words: ``1,950 AU``."""
    return f"{text.number(round(load))} AU"


def extra_words(w: WeekFigures) -> str:
    """The planned load a partly logged week counts beyond its logged sessions, on past days
    with nothing logged and on the days still to come (the week of today: those cannot be
    logged yet): ``300 AU planned on days not logged``; empty when none (or nothing logged)."""
    if w.logged is None:
        return ""
    ahead = getattr(w, "to_come", 0.0)  # a week of a table without days to come
    missed = w.load - w.logged - ahead
    words = [f"{au_words(missed)} planned on days not logged"] if missed > 0.5 else []
    if ahead > 0.5:
        words.append(f"{au_words(ahead)} planned for the days to come")
    return " + ".join(words)


def logged_words(w: WeekFigures) -> str:
    """A logged week's load in the words of the Load panel: ``logged 2,635 AU · counted 2,935 AU
    (+ 300 AU planned on days not logged)`` when days not logged count their planned load (the
    Logged column is the sessions' sum, the figures count the week's load), else ``logged 2,635
    AU``; of a week holding the season's first day, its season days alone (``logged 1,200 AU on
    the season's days``), the days its planned load counts."""
    extra = extra_words(w)
    pre = before_season(w)  # said of the season's days alone, the days the plan has
    days = f" {ON_SEASON_DAYS}" if pre > 0.5 else ""
    if not extra:
        return f"logged {au_words(w.load - pre)}{days}"
    return f"logged {au_words(w.logged - pre)}{days} · counted {au_words(w.load - pre)} (+ {extra})"


def off_plan_heading(weeks=(), last: dt.date | None = None) -> str:
    """The heading of :func:`off_plan_lines`: of last week's load, or of the weeks the sessions
    just imported cover (``weeks``, their first days; ``last``: last week's first day)."""
    share = f"Logged differs from the plan by more than {round(100 * OFF_PLAN)} %"
    weeks = set(weeks)
    if not weeks or weeks == {last}:
        return f"{share} (last week's load), farthest off first:"
    if len(weeks) == 1:
        return f"{share} in the {text.week_of(min(weeks))} just logged, farthest off first:"
    return f"{share} in the {len(weeks)} weeks just logged, each athlete's farthest off first:"


def flag_lines(season: Season, group: bool = False, logged=None) -> list[str]:
    """What ``periodize log`` and ``advance --log`` print of the load: first the athletes whose
    logged week differs from the plan (:func:`off_plan_lines`, under :func:`off_plan_heading`;
    ``logged``: the sessions just imported, whose weeks are then the ones compared),
    then the monitoring flags of the season's stored plan and log, one sentence each, for the
    latest week before today and the week of today (and the logged EWMA ratio now), in the
    order of :func:`now_lines`; with ``group``, a sentence several athletes share is one line
    (:func:`grouped`)."""
    figs = figures(season)
    off = off_plan_lines(season, figs, logged=logged)
    weeks = imported_weeks(season, figs, logged)
    today = season.calendar.today
    last = last_week(figs, today) if today is not None else None
    heading = off_plan_heading(set().union(*weeks.values()) if weeks else (),
                               last.start if last is not None else None)
    out = [heading] + [f"  {x}" for x, _a, _d in off] if off else []
    lines = now_lines(season, figs)
    if not group:
        return out + [x for x, _a, _d in lines]
    for line, _aid, _day, tip, n in grouped(season, lines):
        out.append(line)
        if n > NAME_UP_TO and "(the whole squad)" not in line:  # who, under the line
            out.append("    " + tip.split(": ", 1)[0] + ".")
    return out


__all__ = ["COLUMNS", "DASH", "ON_SEASON_DAYS", "THIN_WORDS", "UNLOGGED_MOST", "NO_LOG", "NOT_LOGGED", "OFF_PLAN", "AthleteFigures", "WeekFigures", "athlete_figures",
           "au_words", "before_season", "before_season_words", "change_pct", "daily_frame", "defined", "ewma_ratio", "extra_words", "figure_limits", "figure_places",
           "athlete_inputs", "equal_days", "figures", "figures_steps", "forget", "flag_lines", "kind_label", "fmt", "fmt_change", "fmt_figure",
           "grouped", "grouped_planned_apart", "imported_weeks", "last_week", "logged_words", "monotony", "now_lines", "now_week", "off_plan_heading", "off_plan_lines",
           "planned_low_week", "rolling_ratio", "team_median", "week_at", "week_flag_lines", "week_flag_kinds", "week_flags"]
