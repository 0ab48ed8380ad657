"""The Returns panel: who is back when (issue 14, item 1).

One row per injury record the plan counts (``planner.returns.returns``): the athlete, the injury,
the stage today, the next milestone, the return to full training, the first match the athlete
can play, the target competition met or missed, and whether the return is provisional (a
criteria test not passed yet). Under the table each row is said in words with the stage today
and the next change, so that a narrow dock needs no sideways scroll. Without a plan, the injured
athletes are listed with their recorded stage and "solve" in place of the dates. A return
recorded without a passing test stays listed, untested, for ``RECENT_RETURN_DAYS`` after it
(:func:`untested_rows`), though RTS no longer counts it. The panel reads the season; a click asks the
window to select the athlete (on the return day) with ``athlete_requested``.

:func:`season_returns` and :func:`return_rows` are the read-only helpers the window, the board
(a missed target marked on the name column) and the inspector share.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PeriodizeError
from planner.protocols import protocol_name
from planner.season import FIT, INJ, Season
from planner.squad import display_ids
from planner.text import (
    day,
    day_long,
    join_and,
    plural,
    rehab_where,
    second_flare_clause,
    stage_name,
)
from planner.timeline import Timeline
from ui.desktop.theme import ink

COLUMNS = ["Athlete", "Back", "First match", "Target", "Provisional", "Today", "Next",
           "Injury"]
MAX_COLUMN = 20  # the widest a column is sized to, in "x" widths
MAX_ROWS = 8  # the table is as tall as this many rows at most (it scrolls beyond)
TARGET_MIN = 12  # the narrowest the Target column is made to fit the dock, in "x" widths




def season_returns(season: Season) -> list:
    """``planner.returns.Return`` of each counted injury record of the season's plan ([] without
    a plan that fits the season)."""
    if season.plan is None:
        return []
    from planner.returns import returns

    try:
        return returns(season, season.plan)
    except (PeriodizeError, ValueError, IndexError, KeyError):
        return []


def today_index(season: Season, tl: Timeline, today: dt.date | None = None) -> int:
    """The day the panel calls today: the season's "plan from" day, else the season start (as
    the planner and the board's today line read it), inside the season."""
    when = today or season.calendar.today or season.calendar.start
    return tl.clamp_index(when)


NO_PLAN_YET = "solve (F5)"  # an injured athlete before the season's first plan
UNPROVEN = "not proven: solve again (F5)"  # a target missed by a plan far from the best possible


@dataclass(frozen=True)
class ReturnRow:
    """One injury record's return, in the panel's words (``ret``: the planner's Return)."""

    athlete: str
    name: str
    injury: str
    onset: dt.date
    today: str
    next: str
    back: dt.date | None
    first_match: dt.date | None
    target: str | None
    target_date: dt.date | None
    target_met: bool | None
    provisional: bool
    planned: bool
    first_role: str | None = None  # the role in the first match ("start", "bench")
    first_start: dt.date | None = None  # after a first match off the bench: the first started
    first_starts: tuple[str, ...] = ()  # a first match day of several: the ones started (names)
    untested: tuple[str, ...] = ()  # recorded back without a passing test (planner.returns)
    recorded: str | None = None  # the records' stage today when the plan's is projected
    # then: the day the recorded stage began, whether a flare-up began it, the plan's first day
    # of its own (planner.returns.held_and_planned)
    recorded_since: dt.date | None = None
    recorded_flare: bool = False
    planned_from: dt.date | None = None
    selection: bool = False  # the target not played after a return RTS no longer counts
    congested: str = ""  # a congested run of starts soon after the return (planner.congestion)
    missed_why: str = ""  # why a missed target is not played though back before it
    injured_from: dt.date | None = None  # the onset, when it is still to come (a what-if adopted)
    setback: str = ""  # fit today, back in rehab later: "the flare-up on Wed 21 Oct 2026 (S3)"
    pending: tuple[tuple[str, tuple[str, ...]], ...] = ()  # planner.returns.Return.pending
    failed: tuple[tuple[str, str], ...] = ()  # planner.returns.Return.failed
    no_match: str = "no match after it this season"  # planner.returns.Return.no_match_words
    # logged playing while the records hold the athlete in rehab (planner.progress
    # .played_in_rehab): "Sat 12 Sep 2026 ('League match 5') while in S3"
    played_in_rehab: str = ""
    played_advice: str = ""  # what to do about it (planner.progress.played_in_rehab_advice)
    # the target played as the log has it while the records hold him in rehab, in words
    # (planner.returns.Return.target_played_words)
    target_note: str = ""
    flare_ups: tuple[dt.date, ...] = ()  # recorded under this injury, up to today
    # the last of them when it is the second within 7 days: what it did ("stays in P1; ...",
    # planner.text.second_flare_words)
    second_flare: str = ""
    # left the squad before he was back (planner.returns.Return.left_words): "left the squad on
    # Thu 20 Aug 2026 in P2"; his return and target are no longer this squad's
    left: str = ""
    left_day: dt.date | None = None
    session: dt.date | None = None  # planner.returns.Return.session: the first team session
    # a re-injury (planner.returns.again_words): "the same injury again, 25 days after the
    # return of Tue 8 Sep", as the CLI's solve and the workbook's Returns sheet say it
    again: str = ""
    # the same injury soon after the return: what a flare-up recorded instead does, a sentence
    # of its own after the return (_flare_instead)
    instead: str = ""
    # what makes the plan that has him (ui.desktop.solving.plan_again_words): "re-plan from
    # today (Ctrl+R)" in a season under way, as the status bar says after any other change
    plan_again: str = NO_PLAN_YET
    # the plan is far from the best possible, not proven (ui.desktop.solving.far_gap): a target
    # it misses is not final (the demo's first solve on a busy laptop missed all three, the
    # second met them)
    unproven: bool = False

    @property
    def missed_in_plan(self) -> bool:
        """The plan misses the target, final or not (:attr:`missed`, :attr:`missed_unproven`)."""
        return (self.planned and not self.selection and self.target is not None
                and self.target_met is False)

    @property
    def missed(self) -> bool:
        """The target missed by a plan that is no guess: the red marks."""
        return self.missed_in_plan and not self.unproven

    @property
    def missed_unproven(self) -> bool:
        """The target missed by a plan far from the best possible: said as not final."""
        return self.missed_in_plan and self.unproven

    def sentence(self) -> str:
        """The row as one line (tooltips, the board's name column, the inspector)."""
        if not self.planned:
            now = "injured, no rehab stage yet" if self.today == "injured" else f"in {self.today}"
            return (f"{self.name}: {self.injury}, now {now}; not planned yet: {self.plan_again} "
                    f"to see when {self.name.split()[0]} is back." + self._instead())
        if self.left:
            back = self.left
        elif self.back is None:
            back = "not back to full training this season"
        else:
            from planner.returns import back_note, back_words
            from planner.text import with_note

            back = with_note(back_words(self.back, self.session, day_long),
                             back_note(self.provisional, self.pending, self.untested,
                                       failed=self.failed))
            if self.first_match:
                from planner.returns import first_match_day_words

                back += "; first match " + first_match_day_words(
                    self.first_match, self.first_role, self.first_start, day_long, starter=True,
                    starts=self.first_starts)
            else:
                back += f"; {self.no_match}"
            if self.congested:
                back += f"; ⚠ {self.congested}"
        text = f"{self.head()}{back}"
        if self.target is not None:
            when = f" ({day_long(self.target_date)})" if self.target_date else ""
            text += f". Target {self.target}{when}: " + (
                self.target_note or "met" if self.target_met else "not played (back before it: a choice of "
                "selection)" if self.selection else self._missed_words())
            if self.met_before_setback:
                text += " (played it before the setback this return follows)"
        if self.played_in_rehab:  # the log says back; the records, which the plan keeps, do not
            text += (f". ⚠ Logged playing on {self.played_in_rehab} by the injury's records: "
                     f"{self.played_advice}")
        return text + "." + self._instead()

    def _instead(self) -> str:
        """The flare-up that the same injury again may be instead, after the return."""
        return f" {self.instead}." if self.instead else ""

    def body(self) -> str:
        """The sentence without whom it is about (the Inspector and the Injuries editor name
        the athlete and the injury above it). Cut at the first ": ", it was cut inside a
        re-injury's words when they held one."""
        head = self.head() if self.planned else f"{self.name}: "
        return self.sentence().removeprefix(head)

    def _missed_words(self) -> str:
        """"MISSED (in S3 again that day)", or from a plan far from the best possible "missed
        in this plan (in S3 again that day; not proven: solve again (F5))"."""
        if not self.unproven:
            return "MISSED" + (f" ({self.missed_why})" if self.missed_why else "")
        return f"missed in this plan ({self.missed_why + '; ' if self.missed_why else ''}{UNPROVEN})"

    def head(self) -> str:
        """"Isaac Boateng, Acute hamstring strain (the same injury again, ...): " (the re-injury
        said with the injury, as planner.returns.return_text says it)."""
        return f"{self.name}, {self.injury}" + (f" ({self.again})" if self.again else "") + ": "

    def details(self) -> str:
        """The row in words with the stage today and the next change (the panel's text under
        the table)."""
        if not self.planned:
            return self.sentence()
        now = "now " + (stage_name(self.today) if self.today == FIT else self.today)
        if self.recorded is not None and self.recorded != self.today:
            # the injuries editor says "recorded stage P1": the plan's P2 is a projection, and
            # "now P2 (planned; P1 recorded)" left the stage held today to guess
            from planner.returns import held_and_planned

            since, planned = held_and_planned(self.recorded_since, self.recorded_flare,
                                              self.today, self.planned_from, day_long,
                                              lambda x: stage_name(x) if x == FIT else x)
            now = f"in {self.recorded} {since}; {planned}"
        # the next step is the return itself: said once, by "back to full training" below
        itself = self.back is not None and self.next == f"full training {day(self.back)}"
        nxt = (f"; next: {self.next}" if self.next and self.next != "—" and not itself
               and not self.left else "")  # after he left, no next stage is this squad's
        nxt += self._flare_words()
        head = self.head()
        rest = self.sentence().removeprefix(head)
        if self.setback and self.today == FIT:  # "now full competition" read as back already
            return f"{head}fit until {self.setback}; {rest}"
        if self.injured_from is not None and self.today == FIT:
            # "now full competition; next: P1 Sat 10 Oct" read as if the injury were back already
            first = f" ({self.next.split()[0]})" if self.next and self.next != "—" else ""
            return f"{head}fit until the injury on {day_long(self.injured_from)}{first}; {rest}"
        return f"{head}{now}{nxt}; {rest}"

    def _flare_words(self) -> str:
        """"; 2 flare-ups, the last Wed 16 Dec 2026 (the second within 7 days: two stages back,
        to P1)": after two flare-ups in a week the panel read as if nothing had happened
        (rules-spec.md section 6 sends the second of two within 7 days back two stages, as far
        as there are stages: "stays in P1; ..." in the first)."""
        if not self.flare_ups:
            return ""
        last = self.flare_ups[-1]
        said = f"; {plural(len(self.flare_ups), 'flare-up')}, the last {day_long(last)}"
        return said + (f" ({second_flare_clause(self.second_flare)})" if self.second_flare else "")

    @property
    def met_before_setback(self) -> bool:
        """The target was played, and the return shown came later (a flare-up after it)."""
        return bool(self.target_met and self.back and self.target_date
                    and self.target_date < self.back and not self.target_note)


def _next_unbroken(row: ReturnRow) -> str:
    """The row's words after the name, its next stage and that stage's day kept on one line
    (no-break spaces): "now P2; next: P3 / Sat 8 Aug; back …" wrapped after "P3" in a narrow
    dock, and a coach read Isaac's next stage as given without a date."""
    said = row.details().removeprefix(row.name)
    if not row.next or row.next == "—":
        return said
    return said.replace(f"next: {row.next}", "next:\u00a0" + row.next.replace(" ", "\u00a0"), 1)


def _next_change(stages: tuple[str, ...], tl: Timeline, t: int) -> str:
    """The next stage change in the plan after day ``t``."""
    cur = stages[t]
    for i in range(t + 1, tl.n):
        if stages[i] != cur:
            what = "full training" if stages[i] == FIT else stages[i]
            return f"{what} {day(tl.days[i])}"
    return "—" if cur == FIT else f"still {cur} at the season's end"


def _recorded_stage(season: Season, athlete: str, day: dt.date) -> str | None:
    """The stage the injury records give ``athlete`` on ``day`` (None: no record then)."""
    from planner.rehab import athlete_stage_on

    records = season.injuries_of(athlete)
    return athlete_stage_on(records, day) if records else None


def _recorded_since(season: Season, athlete: str, stages, tl: Timeline, t: int) -> dict:
    """The day the stage the records hold on day ``t`` began and whether a flare-up began it,
    and the first day of the plan's stage that day, when the plan's is another
    (``ReturnRow.recorded_since``, ``recorded_flare``, ``planned_from``); {} when it is not."""
    from planner.rehab import recorded_segment
    from planner.returns import planned_from

    records = season.injuries_of(athlete)
    seg = recorded_segment(records, tl.days[t]) if records else None
    if seg is None or seg.stage == stages[t]:
        return {}
    flared = seg.cause == "flare-up" or any(seg.start in r.flare_ups for r in records)
    return {"recorded_since": seg.start, "recorded_flare": flared,
            "planned_from": planned_from(stages, tl.days, t, seg.start)}


def return_rows(season: Season, rets: list | None = None, today: dt.date | None = None
                ) -> list[ReturnRow]:
    """The rows of the Returns panel, athletes in the board's order."""
    tl = Timeline(season)
    t = today_index(season, tl, today)
    rets = season_returns(season) if rets is None else rets
    rows = _planned_rows(season, tl, t, rets)
    rows += _unplanned_rows(season, tl, t, {(r.athlete, r.onset) for r in rows})
    return _in_board_order(season, rows)


def _in_board_order(season: Season, rows: list[ReturnRow]) -> list[ReturnRow]:
    order = {aid: k for k, aid in enumerate(display_ids(season))}
    return sorted(rows, key=lambda r: (order.get(r.athlete, len(order)), r.onset))


def untested_rows(season: Season, rows: list[ReturnRow], today: dt.date | None = None
                  ) -> list[ReturnRow]:
    """The returns back lately (``planner.progress.RECENT_RETURN_DAYS``, the days a pain still
    proposes a flare-up) recorded without a passing test that ``rows`` do not hold: back before
    today, RTS counts them no longer, and the panel read "everyone is fit" of a return the
    physio still had a test to confirm ([] without a plan)."""
    if season.plan is None:
        return []
    from planner.progress import RECENT_RETURN_DAYS
    from planner.returns import untested_lately

    tl = Timeline(season)
    t = today_index(season, tl, today)
    try:
        rets = untested_lately(season, season.plan, tl.days[t], RECENT_RETURN_DAYS)
    except (PeriodizeError, ValueError, IndexError, KeyError):
        return []
    held = {(r.athlete, r.onset) for r in rows}
    rets = [r for r in rets if (r.athlete, r.onset) not in held]
    return _in_board_order(season, _planned_rows(season, tl, t, rets)) if rets else []


def _planned_rows(season: Season, tl: Timeline, t: int, rets: list) -> list[ReturnRow]:
    """A row of each of the plan's returns ``rets`` (``t``: today's index)."""
    from planner.congestion import after_return_words, congestion, soon_after_return

    runs = congestion(season, tl) if rets else []
    from planner.progress import played_in_rehab
    from planner.returns import again_words, started_in

    played = {p.athlete: p.days for p in played_in_rehab(season)} if rets else {}
    from ui.desktop.solving import far_gap

    unproven = far_gap(season.plan) is not None
    rows = []
    for r in rets:
        run = soon_after_return(runs, r.athlete, r.fit)
        ap = season.plan.for_athlete(r.athlete)
        stages = tuple(ap.stages)
        first = tl.index(r.first_match) if r.first_match else None
        set_roles = [season.role_of(r.athlete, c.id) for c in tl.comp_on[first]] if first is not None else []
        roles = set(set_roles)
        rows.append(ReturnRow(
            athlete=r.athlete, name=season.athlete(r.athlete).name,
            injury=protocol_name(r.protocol), onset=r.onset, today=stages[t],
            next=_next_change(stages, tl, t), back=r.fit, session=r.session,
            first_match=r.first_match,
            again=again_words(season, rets, r),
            instead=_flare_instead(season, r.athlete, r.onset),
            target=r.target, target_date=r.target_date, target_met=r.target_met,
            provisional=r.provisional, planned=True, untested=r.untested,
            recorded=_recorded_stage(season, r.athlete, tl.days[t]),
            **_recorded_since(season, r.athlete, stages, tl, t),
            selection=r.target_met is False and not r.target_missed,
            first_role="start" if "start" in roles else "bench" if "bench" in roles else None,
            first_start=r.first_start,
            first_starts=started_in(tl.comp_on[first], set_roles) if first is not None else (),
            congested=after_return_words(run) if run is not None else "",
            missed_why=r.missed_why, pending=r.pending, failed=r.failed, no_match=r.no_match_words(),
            target_note=r.target_played_words(),
            injured_from=r.onset if r.onset > tl.days[t] else None,
            setback=r.setback_words(day_long), left=r.left_words(day_long),
            left_day=r.left,
            **_played_in_rehab(season, tl, r, played.get(r.athlete, ())),
            flare_ups=tuple(d for i in season.injuries_of(r.athlete) if i.onset == r.onset
                            for d in i.flare_ups if d <= tl.days[t]),
            second_flare=_second_flare(season, r.athlete, r.onset, tl.days[t]),
            unproven=unproven))
    return rows


def _second_flare(season: Season, athlete: str, onset: dt.date, today: dt.date) -> str:
    """What the last flare-up up to ``today`` of the record of ``onset`` did when it was the
    second within 7 days (planner.text.second_flare_words), "" otherwise."""
    from planner.protocols import load_protocol
    from planner.text import second_flare_words

    inj = next((i for i in season.injuries_of(athlete) if i.onset == onset), None)
    last = max((d for d in inj.flare_ups if d <= today), default=None) if inj else None
    if last is None:
        return ""
    try:
        return second_flare_words(inj, load_protocol(inj.protocol), last, day_long)
    except PeriodizeError:
        return ""


def _played_in_rehab(season: Season, tl: Timeline, r, days: tuple[dt.date, ...]) -> dict:
    """The competitions of this injury (from its onset, before its return) the athlete is
    logged playing while the records hold him in rehab, in words, and what to do about it, as
    the CLI says it (a flare-up dated on a match played: date it the day after); {} for none."""
    from planner.progress import PlayedInRehab, played_in_rehab_advice
    from ui.desktop.sessionimport import FLARE_FIX

    days = [d for d in days if d >= r.onset and (r.fit is None or d < r.fit)]
    if not days:
        return {}
    stages = list(dict.fromkeys(_recorded_stage(season, r.athlete, d) for d in days))
    names = [f"{day_long(d)} ('{', '.join(c.name for c in tl.comp_on[tl.index(d)])}')"
             for d in days[:3]]
    more = f" and {len(days) - 3} more" if len(days) > 3 else ""
    where = rehab_where(stages)  # as the log and the CLI say it
    # the advice per flare-up or record that holds them in rehab (a flare-up between the
    # matches was said as the one before it)
    causes = PlayedInRehab(r.athlete, tuple(days), ()).by_cause(season)
    advice = [played_in_rehab_advice(season, r.athlete, p.days, "Season ▸ Injuries, Record stage",
                                     FLARE_FIX,
                                     until="; until then the return and the target follow the "
                                           "records") for p in causes]
    if len(causes) > 1:
        advice = [f"{'for' if k == 0 else 'For'} {join_and([day_long(d) for d in p.days])}, {a}"
                  for k, (p, a) in enumerate(zip(causes, advice, strict=True))]
    return {"played_in_rehab": f"{', '.join(names)}{more} while {where}",
            "played_advice": ". ".join(advice)}


def _in_plan(season: Season, tl: Timeline, athlete: str, onset: dt.date) -> bool:
    """Does the stored plan hold the injury of ``onset`` (a day of rehab from it on, or from the
    season's start for one recorded before it)? An injury recorded since the plan was made does
    not: the plan still has the athlete fit."""
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    if ap is None:
        return False
    start = tl.index(onset) if tl.days[0] <= onset <= tl.days[-1] else 0
    return onset <= tl.days[-1] and any(st != FIT for st in ap.stages[start:])


def _unplanned_rows(season: Season, tl: Timeline, t: int, done: set[tuple[str, dt.date]]
                    ) -> list[ReturnRow]:
    """Injured athletes the plan does not hold yet (no plan, or an injury recorded since the plan
    was made, while other athletes' returns are planned): their recorded stage on the day."""
    from planner.rehab import athlete_stage_on
    from ui.desktop.solving import plan_again_words

    out = []
    when = tl.days[t]
    how = NO_PLAN_YET if season.plan is None else plan_again_words(season)
    for a in season.athletes:
        records = season.injuries_of(a.id)
        if not records:
            continue
        stage = athlete_stage_on(records, when)
        future = [r for r in records if r.onset > when]
        if stage == FIT and not future:
            continue
        rec = next((r for r in reversed(records) if r.onset <= when), records[0])
        # listed already (a planned return of this record: one of an earlier record leaves a
        # re-injury since the plan unlisted), or held by the plan
        if (a.id, rec.onset) in done or _in_plan(season, tl, a.id, rec.onset):
            continue
        comp = season.competition(rec.target_competition) if rec.target_competition else None
        out.append(ReturnRow(
            athlete=a.id, name=a.name, injury=protocol_name(rec.protocol), onset=rec.onset,
            today=stage if stage != INJ else "injured", next=how, back=None,
            first_match=None, target=comp.name if comp else None,
            target_date=comp.date if comp else None, target_met=None, provisional=False,
            planned=False, plan_again=how,
            instead=_flare_instead(season, a.id, rec.onset)))
    return out


def _flare_instead(season: Season, athlete: str, onset: dt.date) -> str:
    """For the same injury recorded again soon after the return (planner.progress
    .flare_instead), what a flare-up instead does and where to record it, as a sentence put
    after the return: "If this is the old injury flaring up, not a new one: a flare-up recorded
    on Wed 13 Jan 2027 instead takes them back to S3 …, not P1 (Season ▸ Injuries: Remove
    injury, then Record flare-up on that day)", else "". The Injuries editor read only "the same
    injury again, 7 days after the return of …", and a physio took the whole protocol again for
    a recurrence; said inside the re-injury words, before the return, its "Remove injury, …" was
    cut at its colon and read as the return's first words (the Inspector), or twice (the
    editor)."""
    from planner.progress import flare_instead

    instead = flare_instead(season, athlete, onset)
    if not instead:
        return ""
    return (f"If this is the old injury flaring up, not a new one: {instead} (Season ▸ "
            f"Injuries: Remove injury, then Record flare-up on that day)")


class _RowsTable(QTableWidget):
    """The returns table, as tall as its rows want (``rows_height``, set by the panel) but never
    held at that height: a short dock shrinks it to its header and a row, and it scrolls. A fixed
    height computed for its rows was kept when the dock had less room (the Log panel opened under
    the board at 1280 x 720), and its last row and scroll bar were drawn over the words below."""

    rows_height = 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.rows_height) if self.rows_height else hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        first = self.rowHeight(0) if self.rowCount() else 0
        return QSize(hint.width(), min(self.rows_height or hint.height(),
                                       self.horizontalHeader().height() + first
                                       + 2 * self.frameWidth()))


class ReturnsPanel(QWidget):
    """The Returns panel (see the module text)."""

    athlete_requested = Signal(str, object)  # athlete id, the day to show

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Returns")
        self.setAccessibleDescription("Each injured athlete's return: when back to full "
                                      "training, the first match, the target met or missed")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Returns summary")
        self.table = _RowsTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Returns of the injured athletes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # Sized to the contents, but no wider than MAX_COLUMN: a long competition name would
        # otherwise push "Provisional", "Today" and "Next" out of a narrow dock. The Target
        # column is also kept inside the dock's width (``_fit_target``) and wraps its text, so
        # a coach reads the whole "✔ met: League match 6 (home)" without scrolling sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        tips = {"Back": "Back to full training (FIT)", "First match": "The first competition "
                "the athlete plays after the team sessions RE-1 asks for", "Target": "The "
                "target competition of the injury: met (the athlete plays it) or missed",
                "Provisional": "The return depends on a criteria test not passed yet",
                "Today": "The stage today", "Next": "The next change of stage in the plan"}
        for c, name in enumerate(COLUMNS):
            if name in tips:
                self.table.horizontalHeaderItem(c).setToolTip(tips[name])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(f"color: {ink('error')}")
        self.stale.setAccessibleName("Returns out of date")
        self.stale.hide()
        lay.addWidget(self.stale)
        lay.addWidget(self.table)
        # every row in words under the table: in a 380 px dock the table shows Athlete, Back,
        # First match and Target, and Today, Next and Injury needed a sideways scroll
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.setAccessibleName("Each return in words")
        # the words scroll on their own: the table above keeps its rows in sight, and a short
        # dock cuts neither off
        self.words = QScrollArea()
        self.words.setWidget(self.details)
        self.words.setWidgetResizable(True)
        self.words.setFrameShape(QFrame.Shape.NoFrame)
        self.words.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.words.setAccessibleName("Each return in words")
        lay.addWidget(self.words, 1)
        self.rows: list[ReturnRow] = []
        self.table.itemClicked.connect(self._go)
        self.table.itemActivated.connect(self._go)
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_target()
        return super().eventFilter(watched, event)

    def _fit_target(self) -> None:
        """The Target column as wide as its text, the space left of it in the dock and
        MAX_COLUMN allow (but at least TARGET_MIN), its text wrapped, and the rows as tall as
        their text."""
        col = COLUMNS.index("Target")
        x = self.fontMetrics().horizontalAdvance("x")
        left = sum(self.table.columnWidth(c) for c in range(col))
        room = self.table.viewport().width() - left
        want = min(self.table.sizeHintForColumn(col), x * MAX_COLUMN)
        width = max(min(want, room), x * TARGET_MIN)
        if width != self.table.columnWidth(col):
            self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        """The table as tall as its rows (up to MAX_ROWS of them) where the dock has the room,
        the words below it; it scrolls beyond (``_RowsTable``)."""
        t = self.table
        rows = sum(t.rowHeight(r) for r in range(min(t.rowCount(), MAX_ROWS)))
        bar = t.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.maximum() > 0 else 0
        want = t.horizontalHeader().height() + rows + 2 * t.frameWidth() + extra + 2
        if want != t.rows_height:
            t.rows_height = want
            t.setMaximumHeight(want)
            t.updateGeometry()

    def set_rows(self, rows: list[ReturnRow], lately: list[ReturnRow] = ()) -> None:
        """``rows``: the returns (:func:`return_rows`); ``lately``: the returns back lately
        recorded without a passing test (:func:`untested_rows`), listed after them."""
        summary = self._summary(rows, lately)
        rows = list(rows) + list(lately)
        self.rows = rows
        bold = QFont(self.table.font())
        bold.setBold(True)
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, (text, colour, strong) in enumerate(self._cells(row)):
                    item = QTableWidgetItem(text)
                    item.setToolTip(row.sentence())
                    if colour:
                        item.setForeground(QBrush(QColor(colour)))
                    if strong:
                        item.setFont(bold)
                    if c == 0:
                        item.setData(Qt.ItemDataRole.UserRole, r)
                    self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        cap = self.fontMetrics().horizontalAdvance("x") * MAX_COLUMN
        for c in range(self.table.columnCount() - 1):
            if self.table.columnWidth(c) > cap:
                self.table.setColumnWidth(c, cap)
        self._fit_target()
        self.summary.setText(summary)
        self.details.setText("".join(
            f"<p><b>{html.escape(r.name)}</b>{html.escape(_next_unbroken(r))}</p>" for r in rows))

    def set_stale(self, broken: str, again: str) -> None:
        """Say that the returns are the stored plan's while it breaks hard rules of the season as
        it is now: ``broken`` how many, as the status bar counts them (``panels.broken_words``:
        "2 rules 3 times"; "": it fits); ``again``: how the plan is made again, as a sentence
        (``solving.plan_again_to``: re-plan from today mid-season)."""
        self.stale.setVisible(bool(broken))
        if broken:
            self.stale.setText(f"⚠ These are the stored plan's returns; since the last change it "
                               f"breaks {broken} (Plan Check). {again}")

    @staticmethod
    def _cells(row: ReturnRow) -> list[tuple[str, str, bool]]:
        if row.planned:
            # the first team session; the FIT day under it when that is no training day
            back = (day(row.session) + f"\nfit {day(row.back)}" if row.back and row.session
                    else day(row.back) if row.back else
                    f"left {day(row.left_day)}" if row.left_day else "not this season")
            if row.back and (row.provisional or row.untested):  # the Provisional column is
                back += "\nprovisional" if row.provisional else "\nuntested"  # often out of sight
            first = day(row.first_match) if row.first_match else "—"
            if row.first_match and row.first_role == "bench":  # the date alone read as a start
                first += "\noff the bench"
        else:
            back = first = row.next
        if row.target is None:
            target = ("—", "", False)
        elif not row.planned:
            target = (row.target, "", False)
        elif row.target_met and row.target_note:  # played as logged, in rehab by the records
            target = (f"✔ played: {row.target}\n⚠ in rehab by the records", "", True)
        elif row.target_met:
            target = (f"✔ met: {row.target}" + (" (played, before the setback)"
                                                 if row.met_before_setback else ""), ink("ok"), False)
        elif row.unproven and not row.selection:  # a plan far from the best: not final
            target = (f"✖ missed in this plan: {row.target}\n({UNPROVEN})"
                      + ("\n⚠ logged playing" if row.played_in_rehab else ""), ink("flag"), False)
        elif not row.selection:
            target = (f"✖ MISSED: {row.target}" + ("\n⚠ logged playing" if row.played_in_rehab
                                                   else ""), ink("error"), True)
        else:  # back before it, RTS no longer counting: a choice of selection, not a miss
            target = (f"not played: {row.target}", "", False)
        today = stage_name(row.today) if row.today in ("FIT",) else row.today
        return [(row.name, ink("error") if row.missed else "", row.missed), (back, "", row.planned),
                (first, "", False), target, ("yes" if row.provisional else
                                             "untested" if row.untested else "", "", False),
                (today, "", False), (row.next, "", False), (row.injury, "", False)]

    @staticmethod
    def _summary(rows: list[ReturnRow], lately: list[ReturnRow] = ()) -> str:
        if not lately:
            return ReturnsPanel._injured_summary(rows)
        # the words of the workbook's Provisional column (planner.returns.Return.provisional_words)
        said = (f"{plural(len(lately), 'return')} recorded without a passing test: "
                f"{join_and([f'{r.name} (back {day(r.back)})' for r in lately])}.")
        if not rows:
            return f"No injured athlete. {said[:1].upper()}{said[1:]}"
        return f"{ReturnsPanel._injured_summary(rows)} Back lately, {said}"

    @staticmethod
    def _injured_summary(rows: list[ReturnRow]) -> str:
        if not rows:
            return "No injured athlete: everyone is fit."
        missed = [r for r in rows if r.missed]
        text = f"{plural(len({r.athlete for r in rows}), 'injured athlete')}"
        if not any(r.planned for r in rows):
            from ui.desktop.solving import way_to

            # the row's words ("solve (F5)" before the first plan: not plan_again_to's "again")
            return text + f": not planned yet. {way_to(rows[0].plan_again, 'see who is back when')}"
        if missed:
            names = ", ".join(f"{r.name} ({r.target})" for r in missed)
            red = ink("error")
            return text + f"; <b style='color:{red}'>target missed</b>: {names}."
        if unsure := [r for r in rows if r.missed_unproven]:
            names = ", ".join(f"{r.name} ({r.target})" for r in unsure)
            return (text + f"; <b style='color:{ink('flag')}'>target missed in this plan</b>: "
                    f"{names}. The plan is far from the best possible, so this is not final: "
                    f"solve again (F5), or give the solver more time (Plan ▸ Solve Time…).")
        if not any(r.target for r in rows):
            return text + "."
        unplayed = [r for r in rows if r.target and r.planned and r.target_met is False]
        if not unplayed:
            return text + "; every target met."
        names = ", ".join(f"{r.name} ({r.target})" for r in unplayed)
        return text + f"; target not played after the return (a choice of selection): {names}."

    def _go(self, item: QTableWidgetItem) -> None:
        first = self.table.item(item.row(), 0)
        k = first.data(Qt.ItemDataRole.UserRole) if first else None
        if k is None or not 0 <= k < len(self.rows):
            return
        row = self.rows[k]
        self.athlete_requested.emit(row.athlete, row.back or row.target_date or row.onset)

    def row_texts(self) -> list[list[str]]:
        """The table as text (tests)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
