"""Side panels of the main window: the inspector (why a cell is what it is), the plan check
(violations after a manual change), the solver's explanation of an infeasible season, the rules
panel, and the banner that offers a solve result that arrived after the season changed.

Panels read the season; changes go out as ``planner.edits`` edits (``edit_requested``) and
navigation as ``cell_requested(athlete_id, date)`` / ``rule_requested(rule_id)``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSignalBlocker, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QTextBrowser,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.caution import pain_checks
from planner.check import (
    group_soft,
    group_violations,
    squad_athletes,
    squad_groups,
    unavoidable_said,
)
from planner.citations import cite
from planner.coldstart import STEP, cold_starts
from planner.congestion import RECOVERY_HOURS, congestion_lines
from planner.daymarks import day_rows, fold_session
from planner.hv1 import hv1_advice, hv1_lines, hv1_runs, hv1_settings
from planner.returns import day_stage_meaning, day_stage_words
from planner.rules import RULES, RuleSet, listed_free, listed_only, load_table_problem
from planner.season import SPEED_DAY, Season, planning_start
from planner.squad import NOT_PLANNED, away_from_squad, plan_row, unplanned, unplanned_line
from planner.taperplace import LateInWeek, TaperAfterBreak, taper_notes
from planner.text import (
    date_short,
    day,
    day_long,
    join_and,
    no_conflict_set_text,
    plural,
)
from ui.desktop import wheelguard
from ui.desktop.loadwords import day_load_html
from ui.desktop.numberbox import RangeSays
from ui.desktop.solving import (
    plan_again_words,
    plan_it,
)
from ui.desktop.theme import BoardTheme

EVIDENCE = {"E": "study", "C": "consensus", "P": "published protocol", "J": "expert judgement"}
HV1_MARK = "◌"  # a run without a high-velocity exposure (HV-1's windows as one line)
NO_MAX_MARK = "⊘"  # athletes planned speed work without a max speed on record
CREDIT_MARK = "⇡"  # athletes planned above a sprint ladder level credited, not run here
SIGNING_MARK = "↻"  # signings whose stage from the old club counts its days again from today
PAIN_MARK = "⚠"  # a pain listed before a planned speed day or match (the Log's mark of it)
COLD_MARK = "❄"  # a match started as the first speed day after RAMP's gap (planner.coldstart)
REPLANNED_MARK = "⇄"  # a day the last re-plan from today changed from the stored plan (planner.plandiff)
UNPLANNED_MARK = "∅"  # athletes added to the plan at 0 %, not planned yet (Plan.unplanned)
PINS_LISTED = 10  # Plan Check's lines of pins; the rest in one line's tooltip
PIN_MARK = "◤"  # a pin of the season (the board's corner flag), listed last: what every solve keeps
def _esc(text: object) -> str:
    return html.escape(str(text))


def message_of(v) -> str:
    """A violation's sentence without a leading "RULE: " (the rule id is shown beside it)."""
    return v.message.removeprefix(f"{v.rule}: ")


def evidence_text(tag: str) -> str:
    return " + ".join(EVIDENCE.get(t, t) for t in tag.split("+") if t)


def rule_link(rule_id: str, with_title: bool = True) -> str:
    r = RULES.get(rule_id)
    if r is None:
        return f"<b>{_esc(rule_id)}</b>"
    title = f" {_esc(r.title)}" if with_title else ""
    return (f'<a href="rule:{_esc(rule_id)}"><b>{_esc(rule_id)}</b></a>{title} '
            f'<span title="{_esc(evidence_text(r.evidence))}">[{_esc(r.evidence)}]</span>')


def cell_link(athlete: str | None, day: dt.date, text: str) -> str:
    return f'<a href="cell:{_esc(athlete or "")}:{day.isoformat()}">{_esc(text)}</a>'


def parse_link(url: QUrl | str) -> tuple[str, ...]:
    """``rule:ID`` -> ("rule", id); ``cell:ATHLETE:DATE`` -> ("cell", athlete, date)."""
    text = url.toString() if isinstance(url, QUrl) else url
    kind, _, rest = text.partition(":")
    if kind == "cell":
        athlete, _, day = rest.rpartition(":")
        return ("cell", athlete, day)
    return (kind, rest)



def soft_colour(palette) -> QColor:
    """Soft-rule entries: set apart from the hard ones, but readable. The placeholder grey
    (#898989 on white, 3.5:1) is under the 4.5:1 small text needs; this mix of the text and
    the background colours keeps about 7:1 on white and on the dark theme alike."""
    text, base = palette.color(palette.ColorRole.Text), palette.color(palette.ColorRole.Base)
    k = 0.3  # the share of the background
    return QColor(round(text.red() * (1 - k) + base.red() * k),
                  round(text.green() * (1 - k) + base.green() * k),
                  round(text.blue() * (1 - k) + base.blue() * k))

class _Browser(QTextBrowser):
    """A read-only rich-text view whose rule and cell links are signals, not URLs."""

    rule_requested = Signal(str)
    cell_requested = Signal(str, object)

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.follow)

    def follow(self, url: QUrl | str) -> None:
        link = parse_link(url)
        if link[0] == "rule":
            self.rule_requested.emit(link[1])
        elif link[0] == "cell":
            try:
                day = dt.date.fromisoformat(link[2])
            except ValueError:
                return
            self.cell_requested.emit(link[1], day)


# -- inspector ----------------------------------------------------------------------------------
class InspectorPanel(_Browser):
    """What the selected cell holds and why: stage, intensity, MD label, week, pins,
    violations, and the reasons (rule ids with titles and evidence tags)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Inspector", parent)
        self.setAccessibleDescription("Why the selected athlete-day is planned as it is")
        self.season: Season | None = None
        self.athlete: str | None = None
        self.day: dt.date | None = None
        self.violations: list = []
        self.returns: dict[str, list] = {}  # athlete -> ReturnRow (ui.desktop.returnspanel)
        self.load_flags: dict = {}  # athlete -> LoadFlag (ui.desktop.loadwords)
        self.load_waits: dict[str, str] = {}  # athlete -> why no logged ratio exists yet
        self.load_figures: dict = {}  # athlete -> AthleteFigures (planner.load): the day's week
        self._prescriber = None  # (season, plan, planner.sessions.Prescriber), made on demand
        self.show_nothing()

    def set_returns(self, rows) -> None:
        """Each injured athlete's return, shown with the athlete's days."""
        by: dict[str, list] = {}
        for row in rows:
            by.setdefault(row.athlete, []).append(row)
        self.returns = by

    def set_load_flags(self, flags: dict, waits: dict[str, str] | None = None,
                       figures: dict | None = None) -> None:
        """Athletes whose logged EWMA ratio is high: shown with the athlete's days, after the
        figures of the day's own week (``figures``: ``planner.load.figures``); ``waits``:
        athletes whose log is too short for a ratio, and why (ui.desktop.loadwords.load_waits)."""
        self.load_flags = dict(flags)
        self.load_waits = dict(waits or {})
        self.load_figures = figures or {}

    def _red(self) -> str:
        """A missed target's and a broken rule's red: the board's (lighter on a dark palette,
        where the light theme's #d50000 read at 3:1)."""
        return BoardTheme.from_palette(self.palette()).violation.name()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.season is not None:
            self.show_cell(self.season, self.athlete, self.day, self.violations)  # its reds

    def show_nothing(self) -> None:
        self.setHtml("<p><i>Select a cell on the board (click it, or move with the arrow keys) "
                     "to see its stage, intensity and why; click a day's header to see the "
                     "squad's day.</i></p>")

    def show_day(self, season: Season, day: dt.date) -> None:
        """The squad's day (a day's header clicked on the board): each level with the athletes
        planned at it, rehab, away, and the day's cautions (ui.desktop.squadday)."""
        from ui.desktop.squadday import squad_day_html

        self.season, self.athlete, self.day, self.violations = season, None, day, []
        self.setHtml(squad_day_html(season, day, self.returns))

    def show_cell(self, season: Season, athlete: str | None, day: dt.date | None,
                  violations=()) -> None:
        self.season, self.athlete, self.day = season, athlete, day
        self.violations = list(violations)
        if not athlete or day is None or season.athlete(athlete) is None:
            self.show_nothing()
            return
        self.setHtml(self.cell_html())

    def cell_html(self) -> str:
        """The selected athlete-day: a heading, a table of what holds on the day, the rules
        broken there, and why the plan is so (``planner.why``)."""
        from planner.timeline import Timeline

        season, aid, when = self.season, self.athlete, self.day
        assert season is not None and aid is not None and when is not None
        tl = Timeline(season)
        i = tl.index(when)
        out = [self._heading_html(season, tl, aid, when, i)]
        if i is None:
            return "".join(out)
        ap = plan_row(season.plan, aid)  # a row at 0 % until a solve is no plan: said as none
        planned = ap is not None and len(ap.stages) == tl.n
        rows = self._plan_rows(season, tl, ap, i) if planned else [("Plan", NOT_PLANNED)]
        marks = day_rows(season, aid, i)  # rules v2 (planner.daymarks)
        if planned and (session := self._session_rows(season, tl, aid, i)):
            why, marks = fold_session(marks)  # one Session row on a compensation day
            rows += [(session[0][0], session[0][1].replace("</b>", f"</b>{_esc(why)}", 1))]
            rows += session[1:]  # a % without a max speed to make it a speed
        rows += self._record_rows(season, tl, aid, i, ap if planned else None)
        rows += [(k, _esc(v)) for k, v in marks]
        from ui.desktop.pastview import inspector_rows  # what was logged, what went otherwise

        rows += inspector_rows(season, aid, when)
        for ret in self.returns.get(aid, ()):
            text = _esc(ret.body())
            if ret.missed:
                text = f"<b style='color:{self._red()}'>{text}</b>"
            rows.append(("Return", text))
        if aid in self.load_flags:
            rows.append(("Load ⚠", day_load_html(self.load_figures.get(aid), when,
                                                 self.load_flags[aid])))
        elif aid in self.load_waits:
            rows.append(("Load", _esc(self.load_waits[aid])))
        out.append("<table cellspacing=0 cellpadding=2>")
        out += [f"<tr><td valign=top><i>{k}</i>&nbsp;</td><td>{v}</td></tr>" for k, v in rows]
        out.append("</table>")
        bad = [v for v in self.violations if not is_pending_pin(v)]
        waiting = [v for v in self.violations if is_pending_pin(v)]
        if bad:
            out.append(f"<h4 style='color:{self._red()};margin-bottom:2px'>Rules broken here</h4>"
                       "<ul style='margin-top:0'>")
            out += [f"<li>{rule_link(v.rule)}: {_esc(message_of(v))}</li>" for v in bad]
            out.append("</ul>")
        if waiting:
            out.append("<h4 style='margin-bottom:2px'>⚑ Pinned, not in the plan yet</h4>"
                       "<ul style='margin-top:0'>")
            out += [f"<li>{_esc(message_of(v))} {plan_it(season)}</li>" for v in waiting]
            out.append("</ul>")
        if planned:
            out.append(self._why_html(season, aid, when))
        return "".join(out)

    def _session_rows(self, season: Season, tl, aid: str, i: int) -> list[tuple[str, str]]:
        """The day's session as the handouts print it (planner.sessions): what the player does,
        which the board's marks do not say (a day between two tendon-loading days, say)."""
        from planner.errors import PeriodizeError
        from planner.sessions import NO_MAX_SPEED_SAID, Prescriber, shown_session

        got = self._prescriber
        if got is None or got[0] is not season or got[1] is not season.plan:
            try:
                got = self._prescriber = (season, season.plan,
                                          Prescriber(season, season.plan, timeline=tl))
            except PeriodizeError:  # a catalogue that does not load: the board still shows
                return []
        p = shown_session(got[2], season.plan, aid, i)
        if p is None:
            return []
        label = "Planned session" if i < tl.p0 and not p.as_logged else "Session"
        text = f"<b>{_esc(p.summary)}</b>" + (f"<br>{_esc(p.content)}" if p.content else "")
        rows = [(label, text)]
        if p.no_max_speed:  # the handouts' "max speed not measured", said in full
            rows.append(("Max speed ⚠", _esc(NO_MAX_SPEED_SAID) + "."))
        if caution := got[2].caution(aid, i):  # a pain or days ill logged before it (planner.caution)
            rows.append(("Check ⚠", _esc(caution) + "."))
        return rows

    @staticmethod
    def _heading_html(season: Season, tl, aid: str, when: dt.date, i: int | None) -> str:
        a = season.athlete(aid)
        out = [f"<h3 style='margin:0'>{_esc(a.name)} <small>({_esc(aid)}"
               f"{' · ' + _esc(a.position) if a.position else ''})</small></h3>",
               f"<p style='margin-top:2px'><b>{day_long(when)}</b>"]
        if i is None:
            return "".join(out) + " is outside the season.</p>"
        label = tl.day_label(i)  # "MD+2 · MD-1": both relations, as the why says
        if label:
            out.append(f" · <b>{_esc(label)}</b>")
        out += [f" · {_esc(c.name)} (priority {_esc(c.priority)})" for c in tl.comp_on[i]]
        return "".join(out) + "</p>"

    @staticmethod
    def _plan_rows(season: Season, tl, ap, i: int) -> list[tuple[str, str]]:
        """What the plan holds on the day: stage, intensity, the athlete's week."""
        st = ap.stages[i]
        # a flare-up's day: its intensity and session are those of the stage before, both said
        stage = (f"<b>{_esc(day_stage_words(season, ap, i))}</b> — "
                 f"{_esc(day_stage_meaning(season, ap, i))}")
        if (gone := away_from_squad(season, ap.athlete, tl.days[i])) is not None:
            stage = f"<b>{_esc(gone)}</b>"  # not "FIT — full training and matches" after he left
        elif i < tl.p0:
            from planner.rehab import athlete_stage_on

            records = season.injuries_of(ap.athlete)
            held = athlete_stage_on(records, tl.days[i]) if records else st
            if held != st:  # today moved past a projected change nobody recorded, no re-plan yet
                stage += (f" (projected, not recorded: the records keep the athlete in "
                          f"<b>{_esc(held)}</b> this day, as the Log and the load figures read it; "
                          f"Plan ▸ Re-plan from Today, Ctrl+R, updates the board)")
        rows = [("Stage", stage)]
        lv = ap.intensity[i]
        zero = "<b>0</b> — no running"
        if not lv and season.calendar.today and tl.days[i] < season.calendar.today:
            from planner.history import logged_days

            done = logged_days(season, ap.athlete).get(tl.days[i])
            if done is not None and done.minutes > 0 and done.top_pct is None:
                # a hard session logged without a top speed ran, just not at a level that counts
                zero = "<b>0</b> — no speed day (a session was logged, but no top speed)"
        rows.append(("Intensity", f"<b>{lv} %</b> of max speed" + (
            " (speed day)" if lv >= SPEED_DAY else "") if lv else zero))
        w = tl.week_of[i]
        team_weeks = season.plan.team_weeks
        team = team_weeks[w] if len(team_weeks) == len(tl.weeks) else None
        week = ap.weeks[w] if len(ap.weeks) == len(tl.weeks) else None
        from planner.why import away_week_words, idle_week_words

        away = idle_week_words(season, tl, w, ap.athlete) if week and week == team else ""
        if away.startswith("away"):  # 0 AU planned read "load" (DL-2 counts it as one)
            rows.append(("Week", _esc(away_week_words(away, team))))
        elif week:
            rows.append(("Week", f"{_esc(week)}" + (
                f" (team: {_esc(team)})" if team and team != week else "")))
        return rows

    @staticmethod
    def _record_rows(season: Season, tl, aid: str, i: int, ap=None) -> list[tuple[str, str]]:
        """What the season records for the athlete-day: injury, unavailability, pins. ``ap``: the
        athlete's plan, which gives the stage a flare-up from today on moves back from."""
        when = tl.days[i]
        rows = []
        records = season.injuries_of(aid)
        inj = next((r for r in reversed(records) if r.onset <= when), records[0] if records else None)
        if inj is not None:  # the record that governs the day (the first one before its onset)
            from planner.errors import PeriodizeError
            from planner.protocols import load_protocol, protocol_name
            from planner.rehab import back, flare_steps, segments, stage_order

            stage, since, how = inj.current.stage, inj.current.start, ""
            said = "recorded "
            try:  # a recorded flare-up after the last stage record moved the athlete back
                protocol = load_protocol(inj.protocol)
                last = segments(inj, protocol)[-1]
                stage, since = last.stage, last.start
                how = " (flare-up)" if last.cause == "flare-up" else ""
                d = tl.index(since)
                if how and ap is not None and d is not None and d >= tl.p0 and ap.stages[d] != stage:
                    # from today on the flare-up moves back from the stage the plan holds the
                    # day before (a projected one), not from the last recorded one; back from
                    # it, not the plan's stage on the day: before the re-plan that is the stage
                    # the flare-up undid (P3 -> S1 that morning read "S1 since", not P2)
                    stage, said = ap.stages[d], ""
                    if d > 0:
                        before = ap.stages[d - 1]
                        if before in stage_order(protocol):
                            stage = back(protocol, before, flare_steps(inj.flare_ups, since))
                        # the stage held the day before is a recorded one: said so ("back from
                        # the S1 planned the day before" read as if S1 were not recorded)
                        held = segments(inj, protocol, until=tl.days[d - 1])
                        how = (f" (the recorded flare-up: back from {_esc(before)}, recorded "
                               f"{day_long(held[-1].start)})" if held and held[-1].stage == before
                               else f" (the recorded flare-up: back from the {_esc(before)} "
                                    f"planned the day before)")
            except (PeriodizeError, IndexError):
                pass
            # a day before that stage (a flare-up ahead of it): "from", not "since"
            word = "since" if since <= when else "from"
            rows.append(("Injury", f"{_esc(protocol_name(inj.protocol))}, onset "
                                   f"{day_long(inj.onset)}; {said}{_esc(stage)} {word} "
                                   f"{day_long(since)}{how}"))
        rows += [("Unavailable", _esc(u.reason or "yes")) for u in season.unavailability
                 if u.athlete == aid and u.start <= when <= u.end]
        for p in season.pins:
            if getattr(p, "athlete", None) != aid and not (p.kind == "week" and p.athlete is None):
                continue
            if p.kind == "intensity" and p.date == when:
                rows.append(("Pinned", f"{p.intensity} % on this day"))
            elif p.kind == "week" and tl.week_index_of_date(p.week) == tl.week_of[i]:
                who = "the team's" if p.athlete is None else "own"
                rows.append(("Pinned", f"{who} week as {_esc(p.week_kind)}"))
            elif p.kind == "stage_start" and p.date == when:
                rows.append(("Pinned", f"{_esc(p.stage)} starts on this day"))
        return rows

    def _why_html(self, season: Season, aid: str, when: dt.date) -> str:
        from planner.errors import PeriodizeError
        from planner.why import why_day, why_week

        try:
            why = why_day(season, season.plan, aid, when)
            wk = why_week(season, season.plan, aid, when)
        except PeriodizeError as e:
            return f"<p><i>{_esc(e)}</i></p>"
        if why.away:  # he left the squad: the day's one sentence, no week of his to explain
            return self._reasons_html("Why this day", why)
        return (self._reasons_html("Why this day", why)
                + self._reasons_html(f"Why this {_esc(wk.summary.split(': ')[-1])}", wk))

    @staticmethod
    def _reasons_html(head: str, why) -> str:
        from planner.why import CAUTION, REASON_KINDS

        out = [f"<h4 style='margin-bottom:2px'>{head}</h4>"]
        if why.away:
            out.append(f"<p style='margin:2px 0'><i>{_esc(why.away)}</i></p>")
        elif not why.reasons:
            out.append("<p style='margin:2px 0'><i>No rule bounds or shapes it: an ordinary "
                       "training day of a fit athlete, at the level the plan chose.</i></p>")
        for kind, title in REASON_KINDS:  # the log's caution: the Check ⚠ row above says it
            rs = [r for r in why.reasons if r.kind == kind and r.rule != CAUTION]
            if not rs:
                continue
            out.append(f"<p style='margin:2px 0'><i>{title}</i></p><ul style='margin-top:0'>")
            for r in rs:
                if r.rule in RULES:
                    out.append(f"<li>{rule_link(r.rule)} — {_esc(r.text)}</li>")
                else:
                    out.append(f"<li>{_esc(r.text)}</li>")
            out.append("</ul>")
        return "".join(out)


# -- plan check ---------------------------------------------------------------------------------
def is_pending_pin(v) -> bool:
    """A pin the plan does not follow yet (made after the plan, or against a manual change):
    the next solve plans it, so it is shown as waiting, not as a broken rule."""
    return v.rule == "PIN"


def broken(report) -> list:
    """The report's hard violations less the pins waiting for a solve (``CheckReport.broken``)."""
    return report.broken() if report is not None else []


def broken_words(report) -> str:
    """How much of the plan the season as it is now breaks, for the status bar beside the Plan
    Check's count: ``2 rules, 18 times``, or ``1 rule`` when each rule broken is broken once.
    The count of violations alone read as "breaks 18 rules" over a Plan Check of 2."""
    violations = broken(report)
    rules = len({v.rule for v in violations})
    said = plural(rules, "rule")
    return said if rules == len(violations) else f"{said} {len(violations)} times"


def check_summary(report, season: Season | None = None) -> str:
    """The plan check in one line: broken rules, pins waiting for a solve, the soft penalty
    (``season``: the lines counted as the list shows them, ``squad_groups``)."""
    n = len(broken(report))
    pins = len(report.violations) - n
    way = plan_again_words(season)
    if n == 0:
        text = "✔ The plan keeps every hard rule" + (" but the new pins." if pins else ".")
    else:
        lines = len(squad_groups(season, broken(report), way) if season is not None
                    else group_violations(broken(report)))
        said = f" (in {plural(lines, 'line')} below: one per rule broken for one cause)" if lines < n else ""
        text = (f"⚠ {plural(n, 'hard-rule violation')}{said} in the plan as it stands: after a change (a "
                f"match moved, an absence, a day set by hand) the plan no longer fits, so "
                f"{way}; click one to see it on the board.")
    if pins:
        text += (f" ⚑ {plural(pins, 'pin')} not in the plan yet: {way} to plan "
                 f"{'it' if pins == 1 else 'them'}.")
    if season is not None and (said := unplanned_line(season)):
        text += f" {UNPLANNED_MARK} {said}."
    # what the plan lists at no cost is said by a line of the list (listed_only), which opens
    # its weights: here, at 1024 x 600, it left the list a third of the dock
    return text + f" Soft rules: {plural(len(report.soft), 'instance')}, penalty {report.objective:,}" \
        + soft_breakdown(report) + "."


# STAB's days in the summaries: the plan's own count (planner.check.with_plan_stab)
STAB_OWN = "the last re-plan's days changed, as the plan holds them"


def soft_breakdown(report) -> str:
    """``: RTS return to sport 3 (12,400), LD-1 no planned load spike 53 (1,060), …``: each soft
    rule with instances, by id and title, its count and penalty, the costliest first; a rule
    listed at no cost says so (LD-1 with weight 0)."""
    counts, penalties = report.counts(), report.penalties()
    forced = report.unavoidable() if counts.get("HV-1") else 0
    parts = []
    for rule in sorted((r for r, n in counts.items() if n), key=lambda r: (-penalties.get(r, 0), r)):
        cost = penalties.get(rule, 0)
        known = RULES.get(rule)
        name = f"{rule} {known.title[:1].lower()}{known.title[1:]}" if known is not None else rule
        why = f"{cost:,}" if cost else "listed, no cost"
        if rule == "HV-1" and forced:  # the winter break's windows read as the plan's choice
            why += f"; {unavoidable_said(forced)}"
        if rule == "STAB":  # not found by the check: the plan's own, as the Cover counts it
            why += f"; {STAB_OWN}"
        parts.append(f"{name} {counts[rule]:,} ({why})")
    return ": " + ", ".join(parts) if parts else ""


def _listed_first(above: int, said, runs: list, tapers: list, unmeasured: int,
                  credited: int = 0, signings: int = 0, head: str = "Listed first",
                  cold: int = 0, pains: int = 0, late: int = 0, after_break: int = 0) -> str:
    """`` Listed first: ▲ 2 days logged above a rehab stage's cap; … (▲ breaks no rule).``: what
    the Plan Check list shows besides the checker's findings, in its order (``""`` for nothing);
    ``head``: where, after the rules broken (``Listed after the rules broken``) or first."""
    from ui.desktop.pastview import ABOVE_MARK

    first = []
    if above:
        first.append(f"{ABOVE_MARK} {plural(above, 'day')} logged above a rehab stage's cap")
    if pains:
        first.append(f"{PAIN_MARK} {plural(pains, 'athlete')} with a pain logged before a "
                     f"planned speed day or match")
    if said.athletes:
        first.append(f"{HV1_MARK} {plural(said.athletes, 'athlete')} without a high-velocity "
                     f"exposure for {said.least()} or more")
    if runs:
        first.append(f"◷ {plural(len(runs), 'congested run')} of matches")
    if tapers:
        first.append(f"◷ {plural(sum(len(t.competitions) for t in tapers), 'match', 'matches')}"
                     f" started in a taper")
    if late:
        first.append(f"◷ {plural(late, 'A competition')} late in {'its' if late == 1 else 'their'}"
                     f" week{'' if late == 1 else 's'}, not tapered up to")
    if after_break:
        first.append(f"◷ {plural(after_break, 'taper')} straight after a break")
    if cold:
        first.append(f"{COLD_MARK} {plural(cold, 'match', 'matches')} started as the first speed "
                     f"day after a break")
    if unmeasured:
        first.append(f"{NO_MAX_MARK} {plural(unmeasured, 'athlete')} without a max speed")
    if credited:
        first.append(f"{CREDIT_MARK} {plural(credited, 'athlete')} planned on a sprint ladder "
                     f"credit not run here")
    if signings:
        first.append(f"{SIGNING_MARK} {plural(signings, 'signing')} whose stage from their old club "
                     f"counts its days again from today")
    # ▲, ◷, ❄, ⊘, ⇡ and ↻ break no rule: each line's tooltip says why it is listed
    marks = [m for m, on in ((ABOVE_MARK, above), ("◷", runs or tapers or late or after_break),
                             (COLD_MARK, cold),
                             (NO_MAX_MARK, unmeasured), (CREDIT_MARK, credited),
                             (SIGNING_MARK, signings)) if on]
    notes = (f" ({join_and(marks)} break{'s' if len(marks) == 1 else ''} no rule)"
             if marks else "")
    return f" {head}: {'; '.join(first)}{notes}." if first else ""


def _congestion_item(season: Season, line) -> QListWidgetItem:
    """A line of ``planner.congestion.congestion_lines`` in Plan Check: a click goes to its
    first athlete's first match day; the tooltip names the athletes and each run's days."""
    item = QListWidgetItem(f"◷ Congested fixtures — {line.text}.")
    why = ("Not a rule of the plan: Nédélec 2012 found more than "
           f"{RECOVERY_HOURS} h needed to recover physical performance after a match.")
    if not line.runs:  # the closing note: why and what to do
        item.setToolTip(why)
        return item
    item.setData(Qt.ItemDataRole.UserRole, (line.athlete, line.day))
    c = line.runs[0]
    who = (("Starters: ", c.athletes) if c.athletes else
           ("Back lately, off the bench: ", [a for a, _d, _w in c.played_back]))
    days = "\n".join("Match days: " + ", ".join(day(d) for d in r.days) + "." for r in line.runs)
    item.setToolTip(who[0] + ", ".join(season.athlete_label(a) for a in who[1])
                    + f".\n{days}\n{why}")
    return item


SUMMARY_LINES = 3  # Plan Check's summary in a short dock: its headline, or at least these lines
LIST_ROWS = 3  # the entries of Plan Check's list kept in sight before the whole summary


def headline(text: str) -> str:
    """What a summary says first: up to its first colon or full stop outside brackets ("⚠ 2
    hard-rule violations (in 1 line below: …) in the plan as it stands")."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in ":." and text[i + 1:i + 2] in (" ", ""):
            return text[:i + 1]
    return text


class _SummaryBox(QScrollArea):
    """Plan Check's summary, as high as :meth:`ViolationsPanel._fit_summary` gives it, scrolled
    by the wheel or its scroll bar when it is longer; never squeezed below its headline."""

    def __init__(self, label: QLabel):
        super().__init__()
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.least = self.height_given = label.sizeHint().height()

    def fit(self, least: int, height: int) -> None:
        """At least ``least`` px high (the headline), ``height`` when the panel has room."""
        if (least, height) != (self.least, self.height_given):
            self.least, self.height_given = least, height
            self.setMaximumHeight(height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().sizeHint().width(), self.height_given)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().minimumSizeHint().width(), self.least)


class ViolationsPanel(QWidget):
    """The plan checker's findings; clicking one selects its athlete and first day."""

    cell_requested = Signal(str, object)
    settings_requested = Signal(object)  # ["HV-2.max_speed_days", …]: shown in Rules

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Plan check")
        self.summary = QLabel("No plan to check yet.")
        self.summary.setWordWrap(True)
        # in a box of its own that scrolls: squeezed by a short dock (Roles and Log under the
        # board at 125 %), the label centred its text and cut both ends, the headline ("⚠ 1
        # hard-rule violation …") to the lower half of its letters, with no way to scroll
        self.summary_box = _SummaryBox(self.summary)
        self.show_soft = QCheckBox("Show soft-rule instances")
        self.show_soft.setAccessibleName("Show soft-rule instances")
        self.soft_rule = QComboBox()  # which soft rule's instances (all by default)
        self.soft_rule.setAccessibleName("Soft rule shown")
        self.soft_rule.setToolTip("Show the instances of one soft rule only (e.g. LD-1's load spikes)")
        self.soft_rule.setEnabled(False)
        self.list = QListWidget()
        self.list.setAccessibleName("Rule violations")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        # its height is what the summary and the row above it leave (:meth:`_fit_summary`)
        self.list.setMinimumHeight(self.list.minimumSizeHint().height())
        self.list.setSizePolicy(self.list.sizePolicy().horizontalPolicy(),
                                QSizePolicy.Policy.Ignored)
        head = QHBoxLayout()  # under the summary: beside it, a narrow dock squeezed it tall
        head.addWidget(self.show_soft)
        head.addWidget(self.soft_rule, 1)
        self._head = head
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary_box)
        lay.addLayout(head)
        lay.addWidget(self.list, 1)
        self.report = None
        self.season: Season | None = None
        self.problem: str | None = None
        self.checking = False  # the season's plan is being checked: its report is to come
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self._go)
        self.list.itemActivated.connect(self._open_settings)
        self._runs: tuple | None = None  # (season parts, planner.congestion's runs)
        self._gaps: tuple | None = None  # (report, planner.hv1.hv1_runs of it)
        # the notes listed before the rules broken, each worked out once per season: name ->
        # (season, the planner's list for it)
        self._notes: dict[str, tuple] = {}
        # the last re-plan from today: (the plan it made, planner.plandiff.PlanChanges), listed
        # while the season holds that plan (a solve, an undo or another re-plan ends it)
        self._replanned: tuple | None = None
        self.show_soft.toggled.connect(lambda _on: self._fill())
        self.soft_rule.currentIndexChanged.connect(lambda _k: self._fill())

    def set_report(self, season: Season, report, problem: str | None = None) -> None:
        """``report``: a ``planner.check.CheckReport`` or None (no plan / unchecked);
        ``problem``: why the plan could not be checked (``planner.validate.plannable``)."""
        self.season, self.report, self.problem = season, report, problem
        self.checking = False
        self._fill()

    def set_checking(self, season: Season) -> None:
        """``season``'s plan is being checked (a large season, after an edit: ``checkrun``):
        nothing is listed until its report comes, so no finding of the season before it is
        read as one of this season."""
        self.season, self.report, self.problem = season, None, None
        self.checking = True
        self._fill()

    def set_replan_changes(self, plan, changes) -> None:
        """What the last re-plan from today changed from the stored plan (``changes``, a
        ``planner.plandiff.PlanChanges``), listed first while the season's plan is ``plan``."""
        self._replanned = (plan, changes)
        self._fill()

    def _fill_replanned(self, season: Season) -> None:
        """"Changed by the last re-plan": a line per athlete, each day changed from → to (the
        status line names three); a click goes to the athlete's first day changed."""
        if self._replanned is None or self._replanned[0] is not season.plan:
            return
        changes = self._replanned[1]
        tip = ("The stored plan's days (from → to) that the last re-plan from today changed; "
               "listed until the next solve or re-plan.")
        if not changes:
            item = QListWidgetItem(f"{REPLANNED_MARK} Changed by the last re-plan — nothing: every "
                                   f"athlete-day from today as the stored plan had it.")
            item.setToolTip(tip)
            self.list.addItem(item)
            return
        for aid, line in zip(changes.athletes(), changes.lines(season), strict=True):
            item = QListWidgetItem(f"{REPLANNED_MARK} Changed by the last re-plan — {line}.")
            item.setData(Qt.ItemDataRole.UserRole, (aid, changes.first_day(aid)))
            item.setToolTip(tip)
            self.list.addItem(item)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self._fill()  # the soft entries' colour is mixed from the palette (dark theme)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_summary()

    def _fit_summary(self) -> None:
        """The summary's height: all of it when the dock has room for it and for the first
        :data:`LIST_ROWS` entries of the list below; less then, down to its headline and at
        least :data:`SUMMARY_LINES` lines, the rest scrolled to (the list keeps the height)."""
        box, label = self.summary_box, self.summary
        width = max(1, box.width() - 2 * box.frameWidth())  # no scroll bar
        full = label.heightForWidth(width)
        narrow = max(1, width - box.verticalScrollBar().sizeHint().width())  # with one
        words = label.fontMetrics().boundingRect(
            QRect(0, 0, narrow, 100_000), Qt.TextFlag.TextWordWrap, headline(label.text()))
        lines = SUMMARY_LINES * label.fontMetrics().lineSpacing()
        least = min(full, max(words.height(), lines))
        rows = [self.list.visualItemRect(self.list.item(i)).height()
                for i in range(min(LIST_ROWS, self.list.count()))]
        wanted = (sum(rows) if rows else self.list.minimumHeight()) + 2 * self.list.frameWidth()
        m = self.layout().contentsMargins()
        room = (self.height() - m.top() - m.bottom() - 2 * self.layout().spacing()
                - self._head.sizeHint().height() - wanted)
        box.fit(least + 2 * box.frameWidth(), max(least, min(full, room)) + 2 * box.frameWidth())

    def _fill(self) -> None:
        """The summary and the list, the summary's height fitted to them (its top shown)."""
        self._fill_entries()
        self.summary_box.verticalScrollBar().setValue(0)
        self._fit_summary()

    def _fill_entries(self) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
        report, season = self.report, self.season
        if report is None and self.problem:
            self.summary.setText(f"⚠ The plan cannot be checked, nor the season solved: "
                                 f"{self.problem}")
            return
        if report is None and self.checking:
            self.summary.setText("Checking the plan…")
            return
        if report is None or season is None:
            self.summary.setText("No plan to check yet: Plan ▸ Solve (F5).")
            return
        runs, tapers = self._congestion(season)
        gaps = self._hv1(season, report)
        from ui.desktop.pastview import above_stage

        above = len(above_stage(season))
        said = hv1_lines(season, gaps)
        from planner.progress import ladder_credit_unrun, stale_signings
        from planner.sessions import speed_without_max

        unmeasured = self._once("no max speed", season, speed_without_max)
        credited = self._once("ladder credit", season, ladder_credit_unrun)
        signings = self._once("stale signings", season, stale_signings)
        cold = self._once("cold starts", season, cold_starts)
        pains = self._once("pains", season, pain_checks)
        placed = self._once("taper places", season, taper_notes)
        head = ("Listed after the rules broken" if broken(report) else
                "Listed after the pins" if report.violations else "Listed first")
        self.summary.setText(check_summary(report, season) + _listed_first(
            above, said, runs, tapers, len(unmeasured), len(credited), len(signings), head,
            len(cold), len(pains),
            sum(len(n.competitions) for n in placed if isinstance(n, LateInWeek)),
            sum(1 for n in placed if isinstance(n, TaperAfterBreak))))
        # the rules broken first, as `periodize check` prints them: under ten lines of notes
        # that break no rule, they needed scrolling to below the dock
        # one line, too, for one cause on one day for the whole squad (a day off added)
        self._fill_replanned(season)  # what the last re-plan changed, above what the plan breaks
        way = plan_again_words(season)
        self._fill_unplanned(season)  # rows at 0 % until a solve: not checked
        self._fill_checked(season, [(g, True) for g in squad_groups(season, report.violations, way)])
        self._fill_above_stage(season)  # days just lived, before next spring's fixtures
        self._fill_pains(season, pains)  # a pain logged before this week's sprints or match
        self._fill_hv1(season, gaps, said)  # then who goes without speed work: HV-1's windows as runs
        for line in congestion_lines(season, runs):  # not a rule: what a coach looks for before a tournament
            self.list.addItem(_congestion_item(season, line))
        for t in tapers:  # not a rule: B or C matches started in the taper before an A
            item = QListWidgetItem(f"◷ {'Match' if len(t.competitions) == 1 else 'Matches'} in a "
                                   f"taper — {t.text(season)}.")
            item.setData(Qt.ItemDataRole.UserRole, (t.starters[0], t.competition.date))
            item.setToolTip("Starters: " + ", ".join(season.athlete_label(a) for a in t.starters)
                            + (".\nNot a rule of the plan: TP-1 tapers the weeks before each A "
                               "competition, so an A competition in a later one's taper makes "
                               "the taper longer" if t.stretched else
                               ".\nNot a rule of the plan: TP-1 makes the weeks before an A "
                               "competition taper weeks; a match started plays in full")
                            + f" ({t.way(short=True)}).")
            self.list.addItem(item)
        self._fill_placed(season, placed)  # a taper short of its A competition, or after a break
        self._fill_cold(season, cold)  # a match started as the first speed day after a break
        self._fill_unmeasured(season, unmeasured)  # speed work with no speed to aim at
        self._fill_credited(season, credited)  # sprints on a ladder nobody saw run
        self._fill_signings(signings)  # a signing's old stage counted again from today
        self._fill_pins(season)  # what the coach pinned: kept by every solve
        self._fill_listed_only(report)
        rule = self._fill_rules(report)
        if self.show_soft.isChecked():
            # HV-1's overlapping windows of one gap as one line (they listed 13-20, 14-21, 15-22
            # and 16-23 Nov apart); the windows are in its tooltip
            self._fill_checked(season, [(g, False) for g in group_soft(
                [v for v in report.soft if rule is None or v.rule == rule])])

    def _fill_checked(self, season: Season, items: list) -> None:
        """A line per group of the checker's findings, ``(group, hard)``: one line for a rule
        broken for one cause on many days (a hand edit that breaks the sprint ladder breaks it
        on every later running day), the days in its tooltip."""
        for group, hard in items:
            v, athletes = group.first, squad_athletes(group)
            who = season.athlete_label(v.athlete) if v.athlete else "Team"
            last = group.members[-1].end
            when = date_short(v.start) + (f" – {date_short(last)}" if last != v.start else "")
            r = RULES.get(v.rule)
            title = f" {r.title}" if r else ""
            mark = "·" if not hard else ("⚑" if is_pending_pin(v) else "⚠")
            said = group.message.removeprefix(f'{v.rule}: ')
            # the checker's words mostly name the athlete and the days: not said twice then
            where = "" if v.athlete and (said.startswith(who) or len(athletes) > 1) \
                else f" — {who}, {when}"
            text = f"{mark} {v.rule}{title}{where}: {said}"
            if is_pending_pin(v):
                text += " " + plan_it(season)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (v.athlete or "", v.start))
            tip = group.message
            if len(athletes) > 1:
                tip += "\n\nThe athletes: " + ", ".join(season.athlete_label(a) for a in athletes) \
                    + ".\nThe days: " + ", ".join(dict.fromkeys(date_short(m.start)
                                                                 for m in group.members)) + "."
            elif len(group.members) > 1 and hard:
                tip += "\n\nThe days: " + ", ".join(date_short(m.start) for m in group.members) + "."
            elif len(group.members) > 1:
                tip += "\n\nThe windows: " + ", ".join(
                    f"{date_short(m.start)} – {date_short(m.end)}" for m in group.members) + "."
            item.setToolTip(tip)
            if not hard:
                item.setForeground(soft_colour(self.palette()))
            self.list.addItem(item)

    def _fill_unplanned(self, season: Season) -> None:
        """One line for the athletes not planned yet (``Plan.unplanned``): their days are not
        checked nor counted; a click goes to the first of them, on today (the season's first day
        before it starts, its last after it ended: a day the board shows)."""
        if said := unplanned_line(season):
            item = QListWidgetItem(f"{UNPLANNED_MARK} {said}.")
            from planner.timeline import Timeline

            tl = Timeline(season)
            day = tl.days[tl.clamp_index(planning_start(season))]
            item.setData(Qt.ItemDataRole.UserRole, (unplanned(season)[0], day))
            item.setToolTip(", ".join(season.athlete_label(a) for a in unplanned(season)) + "."
                            f"\n{NOT_PLANNED}.")
            self.list.addItem(item)

    def _fill_above_stage(self, season: Season) -> None:
        """A line per athlete logged above his rehab stage's cap (``planner.progress.above_stage``,
        as the exported Cover lists them, the largest breach first): not a rule of the plan,
        which keeps the stage, but the Cover and the inspector alone said it."""
        from planner.progress import ABOVE_STAGE_ADVICE
        from ui.desktop.pastview import ABOVE_MARK, above_stage

        by: dict[str, list] = {}
        for p in sorted(above_stage(season).values(), key=lambda p: (-(p.top - p.cap), p.date)):
            by.setdefault(p.athlete, []).append(p)
        for aid, days in by.items():
            item = QListWidgetItem(f"{ABOVE_MARK} Above the stage — {season.athlete_label(aid)}: "
                                   + ", ".join(p.short() for p in days)
                                   + f". {ABOVE_STAGE_ADVICE}.")
            item.setData(Qt.ItemDataRole.UserRole, (aid, days[0].date))
            item.setToolTip("\n".join(p.text(season) + "." for p in days)
                            + "\nNot a rule of the plan: the stage stays as recorded.")
            self.list.addItem(item)

    def _fill_pains(self, season: Season, found: list) -> None:
        """A line per athlete whose pain listed before today (the Log's ⚠) cautions a planned
        speed day or match from today on (``planner.caution.pain_checks``, as ``check`` and
        ``solve`` print it): a click goes to the first such day. Not a rule of the plan."""
        for c in found:
            item = QListWidgetItem(f"{PAIN_MARK} Pain — {c.text(season, app=True)}.")
            item.setData(Qt.ItemDataRole.UserRole, (c.pain.athlete, c.days[0][0]))
            item.setToolTip("Not a rule of the plan: the plan is not changed for a pain listed; "
                            "the day's Check row in the Inspector and the handout say it too.")
            self.list.addItem(item)

    def _once(self, name: str, season: Season, find) -> list:
        """``find(season)`` (a planner note's list: ``speed_without_max``, ``ladder_credit_unrun``)
        of the plan, worked out once per season ([] without a plan)."""
        kept = self._notes.get(name)
        if kept is None or kept[0] is not season:
            kept = self._notes[name] = (season, find(season) if season.plan is not None else [])
        return kept[1]

    def _fill_unmeasured(self, season: Season, found: list) -> None:
        """One line for the athletes planned speed work without a max speed on record (the
        handouts print "max speed not measured" where the speed goes): not a rule of the plan."""
        from planner.sessions import NO_MAX_SPEED_SAID, speed_without_max_line

        if not found:
            return
        item = QListWidgetItem(f"{NO_MAX_MARK} Max speed — {speed_without_max_line(season, found)}.")
        item.setData(Qt.ItemDataRole.UserRole, (found[0].athlete, found[0].first))
        item.setToolTip(f"{NO_MAX_SPEED_SAID}.\nNot a rule of the plan: the sessions keep their "
                        f"%, and the handouts say \"max speed not measured\" where the speed goes.")
        self.list.addItem(item)

    def _fill_placed(self, season: Season, found: list) -> None:
        """A line per taper that stops short of its A competition or follows a break
        (``planner.taperplace.taper_notes``, as ``solve`` and ``check`` print them): a click goes
        to its first competition, a double-click to the rule setting it names. Not a rule of the
        plan."""
        for note in found:
            item = QListWidgetItem(f"◷ Taper — {note.short()}.")
            item.setData(Qt.ItemDataRole.UserRole, ("", note.competitions[0].date))
            tip = (f"{note.text(season)}.\nNot a rule of the plan: TP-1 tapers the calendar "
                   f"weeks before the week of each A competition's first day.")
            if keys := note.settings():
                item.setData(SETTING_ROLE, keys)
                tip += f"\nDouble-click: {' and '.join(keys)} in Rules."
            item.setToolTip(tip)
            self.list.addItem(item)

    def _fill_cold(self, season: Season, found: list) -> None:
        """A line per match started as an athlete's first speed day after RAMP's gap
        (``planner.coldstart``, as ``solve`` and ``check`` print it): a click goes to the
        athlete's match day. Not a rule of the plan."""
        for c in found:
            item = QListWidgetItem(f"{COLD_MARK} Speed ramp — {c.text(season)}.")
            item.setData(Qt.ItemDataRole.UserRole, (c.athlete, c.day))
            item.setToolTip("Not a rule of the plan: RAMP lets a match played end the ramp, so "
                            "the match is their first speed day after the break; a day at "
                            f"{STEP} % before it brings the exposure back in training first.")
            self.list.addItem(item)

    def _fill_signings(self, found: list) -> None:
        """A line per signing whose stage from their old club had outlasted its maximum before
        today (``planner.progress.stale_signings``, as ``solve`` and ``check`` print it): not a
        rule of the plan, which counts its days again from today."""
        for aid, joins, line in found:
            item = QListWidgetItem(f"{SIGNING_MARK} Signing — {line}.")
            item.setData(Qt.ItemDataRole.UserRole, (aid, joins))
            item.setToolTip("Not a rule of the plan: the stage recorded with their old club had "
                            "outlasted its maximum before today, so its days count again from "
                            "today; assess them on the day they join and record the stage they are in.")
            self.list.addItem(item)

    def _fill_pins(self, season: Season) -> None:
        """A line per pin of the season (``planner.edits.pins_listed``, as ``check`` prints
        them), by day: a coach taking a season over sees what was pinned without scanning the
        board for corner flags; a click goes to the pinned cell. The pins before today come
        after, as lived; at most :data:`PINS_LISTED` lines, the rest in one line's tooltip."""
        from planner.edits import pins_listed

        now = [(f"{line}.", a, d, True) for line, a, d in pins_listed(season)]
        lived = [(f"{line} (before today).", a, d, False) for line, a, d in pins_listed(season, past=True)]
        pins = now + lived
        for line, athlete, when, kept in pins[:PINS_LISTED]:
            item = QListWidgetItem(f"{PIN_MARK} Pinned — {line}")
            item.setData(Qt.ItemDataRole.UserRole, (athlete or "", when))
            item.setToolTip("Kept by every solve (a corner flag on the board). To remove it: "
                            "right-click the cell ▸ Unpin …." if kept else
                            "Pinned before today: kept as lived; no solve plans that day again "
                            "(a corner flag on the board).")
            self.list.addItem(item)
        if rest := pins[PINS_LISTED:]:
            item = QListWidgetItem(f"{PIN_MARK} … and {len(rest)} more pin{'s' if len(rest) != 1 else ''}")
            item.setToolTip("\n".join(line for line, _a, _d, _k in rest))
            self.list.addItem(item)

    def _fill_credited(self, season: Season, found: list) -> None:
        """A line per athlete planned above a sprint ladder level a stage record credited and
        nothing here shows run (a signing recorded in S2): not a rule of the plan, which follows
        RH-11's credit; the record said it once, this stays while the plan runs on it."""
        for c in found:
            item = QListWidgetItem(f"{CREDIT_MARK} Sprint ladder — {c.note(season)}.")
            item.setData(Qt.ItemDataRole.UserRole, (c.athlete, c.first))
            item.setToolTip("Not a rule of the plan: RH-11 counts the levels up to the previous "
                            "stage's cap as done at a stage record; listed until a run at that "
                            "level is logged here.")
            self.list.addItem(item)

    def _fill_listed_only(self, report) -> None:
        """A line for the soft rules listed at no cost (LD-1's weight 0 by default): what the
        coach can do about them; a double-click shows their weights in Rules."""
        counts, penalties = report.counts(), report.penalties()
        if not (hint := listed_only(counts, penalties, named=True)):
            return
        item = QListWidgetItem(f"· {hint}")
        keys = [f"{r}.weight" for r in listed_free(counts, penalties)
                if any(p.name == "weight" for p in RULES[r].params)]
        if keys:
            item.setData(SETTING_ROLE, keys)
            item.setToolTip(f"Double-click: {' and '.join(keys)} in Rules.")
        item.setForeground(soft_colour(self.palette()))
        self.list.addItem(item)

    def _hv1(self, season: Season, report) -> list:
        """``planner.hv1.hv1_runs`` of the plan checked, worked out once per report."""
        if season.plan is None or not report.counts().get("HV-1"):
            return []
        if self._gaps is None or self._gaps[0] is not report:
            self._gaps = (report, hv1_runs(season, season.plan, report.soft))
        return self._gaps[1]

    def _fill_hv1(self, season: Season, gaps: list, said) -> None:
        """A line per run without a high-velocity exposure (athletes with the same run together),
        the longest first (``said``: ``planner.hv1.hv1_lines`` of them), and the settings a
        congested season would change: HV-1's count of overlapping windows (400 for four bench
        players) named no one."""
        for r, line in zip(said.runs, said.lines, strict=True):
            item = QListWidgetItem(f"{HV1_MARK} HV-1 — {r.short(season)}.")
            item.setData(Qt.ItemDataRole.UserRole, (r.athletes[0], r.start))
            item.setToolTip(f"{line}.\n\n"  # the whole cause: the line says it in a few words
                            + "Athletes: " + ", ".join(season.athlete_label(a) for a in r.athletes)
                            + f".\n{r.days} days: every HV-1 window in them "
                              "has no day at 90 % or more.\nHV-1 is a soft rule: the plan weighs "
                              "it against the others.")
            self.list.addItem(item)
        if said.more:
            item = QListWidgetItem(f"{HV1_MARK} HV-1 — {said.shorter()}: Show soft-rule "
                                   f"instances lists every window.")
            self.list.addItem(item)
        if advice := hv1_advice(season, gaps):
            item = QListWidgetItem(f"{HV1_MARK} HV-1 — {advice}")
            keys = [f"{rule}.{name}" for rule, name, _to in hv1_settings(season)]
            item.setData(SETTING_ROLE, keys)
            item.setToolTip(f"Double-click: {' and '.join(keys)} in Rules.")
            self.list.addItem(item)

    def _congestion(self, season: Season) -> tuple[list, list]:
        """``planner.congestion``'s congested runs and matches in a taper of the season, worked
        out once per plan, calendar and rules."""
        from planner.congestion import congestion, taper_matches
        from planner.daymarks import day_marks
        from planner.timeline import Timeline

        key = (season.plan, season.calendar, season.competitions, season.roles, season.athletes,
               season.unavailability, season.injuries,  # who plays: days away, rehab records
               season.rules)  # TP-1's taper weeks
        if self._runs is None or any(a is not b for a, b in zip(self._runs[0], key, strict=True)):
            found: tuple[list, list] = ([], [])
            if season.plan is not None:
                tl = Timeline(season)
                marks = day_marks(season, tl)
                found = (congestion(season, tl, marks), taper_matches(season, tl, marks))
            self._runs = (key, found)
        return self._runs[1]

    def _fill_rules(self, report) -> str | None:
        """The rule chooser: "All soft rules" and each rule with instances (count); keeps the
        choice while that rule still has some. Returns the chosen rule (None: all)."""
        chosen = self.soft_rule.currentData()
        counts = report.counts()
        with QSignalBlocker(self.soft_rule):
            self.soft_rule.clear()
            self.soft_rule.addItem("All soft rules", None)
            for rid in sorted(r for r, n in counts.items() if n):
                title = RULES[rid].title if rid in RULES else rid
                self.soft_rule.addItem(f"{rid} {title} ({counts[rid]:,})", rid)
            k = self.soft_rule.findData(chosen) if chosen else 0
            self.soft_rule.setCurrentIndex(max(k, 0))
        self.soft_rule.setEnabled(self.show_soft.isChecked())
        return self.soft_rule.currentData()

    def show_rule(self, rule: str | None) -> None:
        """List the instances of soft rule ``rule`` (None: of every soft rule)."""
        self.show_soft.setChecked(True)
        k = self.soft_rule.findData(rule) if rule else 0
        self.soft_rule.setCurrentIndex(max(k, 0))

    def _go(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.cell_requested.emit(data[0], data[1])

    def _open_settings(self, item: QListWidgetItem) -> None:
        """Double-click (or Enter) on advice that names settings: those settings in Rules."""
        if keys := item.data(SETTING_ROLE):
            self.settings_requested.emit(list(keys))


# -- infeasibility ------------------------------------------------------------------------------
def _stage_pin_why(season: Season, rule: str, athlete: str | None, day_: dt.date | None) -> str:
    """A stage-start pin in a conflict, said with what rules it out when the records do (a
    scenario stored before the dialog refused it): the explanation named the pin alone."""
    if rule != "PIN" or athlete is None or day_ is None:
        return ""
    from planner import edits as E
    from planner.scenarios import stage_pin_problem
    from planner.season import StagePin

    for p in season.pins:
        if isinstance(p, StagePin) and p.athlete == athlete and p.date == day_:
            why = stage_pin_problem(season, E.AddPin(pin=p))
            if why:
                return f" ({why})"
    return ""


class ExplanationPanel(_Browser):
    """Why the solver found no plan: the conflicting rule instances, each with links to the
    rule and to the athlete and dates on the board, and a way on the coach can record with one
    click (``remedy_requested``) when the solver found one."""

    PLACEHOLDER = ("<p><i>Nothing to explain. When a solve finds no plan that keeps every "
                   "hard rule, the rules and dates that conflict are listed here, with a way "
                   "on. What the current plan breaks, if anything, is in the Plan Check "
                   "panel.</i></p>")

    remedy_requested = Signal(object)  # solver.api.Remedy: the coach records it

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Solver explanation", parent)
        self.outcome = None
        self.season: Season | None = None  # the season explained
        self.basis: Season | None = None  # the document it was explained for
        self.scenario: str | None = None  # a scenario's explanation: its name
        self.stale = False
        self.setHtml(self.PLACEHOLDER)

    def reset(self, text: str | None = None) -> None:
        """Nothing to explain (a new file, or a solve that found a plan)."""
        self.outcome = self.season = self.basis = self.scenario = None
        self.stale = False
        self.setHtml(text or self.PLACEHOLDER)

    def document_changed(self, season: Season) -> None:
        """The document changed: an explanation of another season is withdrawn (the conflict it
        listed, such as an undone pin, may be gone), and comes back when undo returns to it."""
        if self.outcome is None:
            return
        stale = not self._explains(season)
        if stale == self.stale:
            return
        self.stale = stale
        if not stale:
            self.setHtml(self._html(self.season, self.outcome))
            return
        if self.scenario is not None:  # a scenario had no plan: the season's own plan is fine
            self.setHtml("<h3 style='margin:0'>The season changed</h3>"
                         f"<p>Scenario “{_esc(self.scenario)}” had no plan, for the season as it "
                         "was then; the season's own plan is not concerned. What it listed may "
                         "no longer hold: re-plan the scenario (What-if ▸ Scenarios) to see "
                         "whether it has a plan now. Undo back to that season shows the "
                         "conflict again.</p>")
            return
        self.setHtml("<h3 style='margin:0'>The season changed</h3>"
                     "<p>The last solve found no plan, for the season as it was then. What it "
                     "listed may no longer hold (a pin undone, a rule or date changed): "
                     f"{plan_again_words(season)} to see whether a plan exists now. Undo back "
                     "to that season shows the conflict again.</p>")

    def _explains(self, season: Season) -> bool:
        """Does the explanation still concern ``season``: the season as it was explained (its
        scenarios aside: adding a second scenario withdrew the first's "no plan" and its way on,
        review 281), and for a scenario's, that scenario with the same changes."""
        basis = self.basis
        if season is basis:
            return True
        if basis is None or season.model_copy(update={"scenarios": ()}) != \
                basis.model_copy(update={"scenarios": ()}):
            return False  # a pin undone, a rule or date changed, a scenario adopted
        if self.scenario is None:
            return True

        def edits(s: Season):
            return next((tuple(x.edits) for x in s.scenarios if x.name == self.scenario), None)

        return edits(season) is not None and edits(season) == edits(basis)

    def show_outcome(self, season: Season, outcome, basis: Season | None = None,
                     scenario: str | None = None) -> None:
        """Explain ``outcome`` (no plan for ``season``); ``basis``: the document it concerns
        (default ``season``; a scenario's explanation concerns the document it belongs to);
        ``scenario``: the scenario's name when it is one's."""
        self.outcome, self.season = outcome, season
        self.basis = basis if basis is not None else season
        self.scenario = scenario
        self.stale = False
        self.setHtml(self._html(season, outcome))

    def _html(self, season: Season, outcome) -> str:
        out = ["<h3 style='margin:0'>No plan satisfies every hard rule</h3>"]
        message = (outcome.message or "").strip()
        if message and message.rstrip(".") != "No plan satisfies every hard rule":
            out.append(f"<p>{_esc(message)}</p>")
        if self.basis is season:  # first, where it is seen; a scenario's would belong to the season
            for i, r in enumerate(getattr(outcome, "remedies", ())):
                link = (f' <a href="remedy:{i}">Record it and solve again</a>'
                        if getattr(r, "records", True) else "")
                out.append(f"<p><b>A way on:</b> {_esc(r.text)}{link}</p>")
        else:  # a scenario's: said in its words, recorded nowhere (the season is not the scenario)
            from planner.scenarios import scenario_way_on

            for r in getattr(outcome, "remedies", ()):
                if (said := scenario_way_on(self.basis, season, r)) is not None:
                    out.append(f"<p><b>A way on:</b> {_esc(said)}</p>")
        if outcome.explanation:
            out.append("<p>These rule instances cannot all hold together. Change one of them "
                       "(a pin, a rule value, a date) and solve again:</p><ol>")
            for c in outcome.explanation:
                who = season.athlete_label(c.athlete) if c.athlete else "the team"
                try:
                    start = dt.date.fromisoformat(str(c.start))
                except ValueError:
                    start = None
                when = ""
                if start is not None:
                    when = day(start)
                    if c.end and str(c.end) != str(c.start):
                        when += f" – {day(dt.date.fromisoformat(str(c.end)))}"
                    where = cell_link(c.athlete, start, f"{who}, {when}")
                else:
                    where = _esc(who)
                why = _stage_pin_why(season, c.rule, c.athlete, start)
                out.append(f"<li>{rule_link(c.rule)}<br>{where}: {_esc(c.text)}{_esc(why)}</li>")
            out.append("</ol>")
        else:  # no set found in time: what to do instead, not "change one of them" over nothing
            take_back = ("take back the scenario's latest changes (What-if ▸ Scenarios)"
                         if self.scenario else "undo your latest changes (Ctrl+Z)")
            out.append("<p>" + _esc(no_conflict_set_text(
                "Give the search more time from the command line, which solves the saved file: "
                "save (Ctrl+S), then periodize solve FILE --time-limit 120", take_back)) + "</p>")
        return "".join(out)

    def follow(self, url: QUrl | str) -> None:
        link = parse_link(url)
        if link[0] != "remedy":
            super().follow(url)
            return
        remedies = getattr(self.outcome, "remedies", ()) if not self.stale else ()
        if link[1].isdigit() and int(link[1]) < len(remedies) and getattr(remedies[int(link[1])], "records", True):
            self.remedy_requested.emit(remedies[int(link[1])])


# -- rules --------------------------------------------------------------------------------------
# words the Rules panel's search takes for one another: the rules say "competition", a
# basketball or hockey coach types "game", a football coach "match"
FIND_SYNONYMS = (("competition", "match", "game", "fixture"),)


def find_synonyms(word: str) -> tuple[str, ...]:
    """``word`` and the words the Rules search takes for it ("games": every word of its group;
    a word of no group: itself alone)."""
    for group in FIND_SYNONYMS:
        if any(word.startswith(w) for w in group):
            return (word, *group)
    return (word,)


SETTING_ROLE = Qt.ItemDataRole.UserRole + 1  # a setting line's name, "HV-2.max_speed_days"
VALUE_W = 84  # a rule value's box: room for "10000" and the arrows, the words get the rest


class _WrapDelegate(QStyledItemDelegate):
    """Column 0 of the rules tree: a parameter's words wrapped to the column's width, the row as
    tall as they need."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        words = index.data() or ""
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        spanned = depth == 0  # a rule's heading spans the whole row
        width = (self.tree.viewport().width() if spanned else self.tree.columnWidth(0)) \
            - self.tree.indentation() * depth - 10
        if width <= 20 or not words:
            return size
        box = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                             int(Qt.TextFlag.TextWordWrap), words)
        return QSize(size.width(), max(size.height(), box.height() + 6))


def _centred(box: QWidget) -> QWidget:
    """``box`` at its own height in the middle of a row that wrapped words make taller."""
    holder = QWidget()
    lay = QVBoxLayout(holder)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addStretch(1)
    lay.addWidget(box)
    lay.addStretch(1)
    return holder


class _ClickOrEnter:
    """A rule's value box takes the keyboard only when the coach goes into it: a click, or Enter
    on its line of the list (``RulesPanel``); Tab passes it by, so ↑/↓ on the way never
    set a rule unseen. The mouse wheel changes it only once it has the keyboard
    (``ui.desktop.wheelguard``)."""

    back_to: QWidget | None = None  # the list Esc comes back to
    noted = None  # set per box: a callable giving the undo history's place (RulesPanel._place)
    rewound = None  # set per box: a callable (that place) -> True when Esc went back to it
    _entered = None  # the setting when the coach went into the box (Esc puts it back)
    _place = None  # the undo history's place then

    def _settle(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def _setting(self):
        return self.currentIndex() if isinstance(self, QComboBox) else self.value()

    def _note(self) -> None:
        self._entered = self._setting()
        self._place = self.noted() if self.noted is not None else None

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Going into the box notes its setting and the undo history's place; back from its own
        list, from another window or from the menu bar is still the same visit."""
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason,
                                  Qt.FocusReason.MenuBarFocusReason):
            self._note()
        super().focusInEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Esc cancels: when only this box's own changes were made since the coach went in, the
        undo history goes back to where it was (the value, the saved state and Undo as before);
        when another change came between, the setting it had as a change back. Enter or Tab
        keep what was set."""
        if event.key() == Qt.Key.Key_Escape and self.back_to is not None:
            went_back = self.rewound is not None and self.rewound(self._place)
            if self._entered is not None and not went_back:  # typing not committed is dropped too
                (self.setCurrentIndex if isinstance(self, QComboBox) else self.setValue)(
                    self._entered)
            self.back_to.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._note()  # kept: a later Esc goes back to this


class _RuleSpin(RangeSays, _ClickOrEnter, QSpinBox):
    def __init__(self):
        super().__init__()
        self._settle()


class _RuleDoubleSpin(RangeSays, _ClickOrEnter, QDoubleSpinBox):
    def __init__(self):
        super().__init__()
        self._settle()


class _RuleTick(_ClickOrEnter, QCheckBox):
    """An on/off setting (unit "on/off": 1 or 0 in the rule table) as a tick box, with a number
    box's ``value``, ``setValue`` and ``valueChanged`` (0 or 1): a box "0–1" did not say what
    the number meant."""

    valueChanged = Signal(int)  # noqa: N815 - a number box's name

    def __init__(self, param):
        super().__init__()
        self.param = param  # its planner.rules.Param, which words the value ("on", "off")
        self._settle()
        self.toggled.connect(lambda on: self.valueChanged.emit(int(on)))

    def value(self) -> int:
        return int(self.isChecked())

    def setValue(self, value: float) -> None:  # noqa: N802 - a number box's name
        self.setChecked(bool(value))

    def textFromValue(self, value: float) -> str:  # noqa: N802 - a number box's name
        return self.param.value_text(value)

    def setKeyboardTracking(self, _on: bool) -> None:  # noqa: N802 - one edit per tick anyway
        pass


class _RuleCombo(_ClickOrEnter, QComboBox):
    def __init__(self):
        super().__init__()
        self._settle()


class RulesPanel(QWidget):
    """Every rule: value (editable within its range), range, unit, hard/soft/off, evidence tag
    and citations. A change is a ``SetRuleValue`` / ``SetRuleMode`` edit.

    Each rule is a heading line (id, title, evidence tag, and "hard" for the rules that are
    always kept); under it a "Mode" line for the soft rules that can be made hard or switched
    off, and a line per parameter. The pane below shows the selected rule's text and sources.
    """

    edit_requested = Signal(object)
    refused = Signal(str)  # a value typed outside its range, in words (the status bar shows it)
    undo_to_requested = Signal(int)  # Esc in a box: the undo history back to this index
    history = None  # the window's undo stack, read to note where it is (None: Esc changes back)
    COLUMNS = ["Rule", "Value", "Range", "Unit"]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Rules")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Rules and their values")
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels(self.COLUMNS)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setWordWrap(True)  # a parameter's words wrap in a narrow dock, never "Team s…"
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegateForColumn(0, _WrapDelegate(self.tree))
        self.tree.header().sectionResized.connect(
            lambda col, _old, _new: self.tree.doItemsLayout() if col == 0 else None)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(self.COLUMNS)):
            self.tree.header().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.details = QTextBrowser()
        self.details.setAccessibleName("Rule details and citations")
        self.details.setOpenExternalLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        # a rule among twenty, a setting among sixty: typed words keep the lines that have them
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find a rule or setting: LD-1, deload, weight…")
        self.find.setAccessibleName("Find a rule or setting")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.filter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.find)
        lay.addWidget(split)
        self.season: Season | None = None
        self.items: dict[str, QTreeWidgetItem] = {}
        self.value_boxes: dict[tuple[str, str], QSpinBox | QDoubleSpinBox | QCheckBox] = {}
        self.mode_boxes: dict[str, QComboBox] = {}
        self._build()
        self.tree.currentItemChanged.connect(self._show_details)
        self.tree.itemActivated.connect(self._into_box)  # Enter on a line (or a double-click)
        wheelguard.guard(self)  # the wheel scrolls the list, never a box not gone into

    def row_box(self, item: QTreeWidgetItem | None) -> QWidget | None:
        """The value box (or mode list) on ``item``'s line; None on a rule's heading."""
        holder = self.tree.itemWidget(item, 1) if item is not None else None
        return holder.layout().itemAt(1).widget() if holder is not None else None

    def _into_box(self, item: QTreeWidgetItem) -> None:
        """Enter on a setting's line goes into its box (Esc in it comes back: _ClickOrEnter)."""
        box = self.row_box(item)
        if box is not None and box.isEnabled():
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build(self) -> None:
        bold = self.tree.font()
        bold.setBold(True)
        for r in RULES.values():
            fixed = "" if r.can_switch else (" · hard" if r.hard else " · soft")
            item = QTreeWidgetItem([f"{r.id}  {r.title}  [{r.evidence}]{fixed}"])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setFont(0, bold)
            cites = "\n".join(cite(k) for k in r.citations) or "no citation (expert judgement)"
            item.setToolTip(0, f"{r.summary}\n\nEvidence {r.evidence}: {evidence_text(r.evidence)}"
                               f"\n{cites}")
            self.tree.addTopLevelItem(item)
            self.items[r.id] = item
            if r.can_switch:
                child = QTreeWidgetItem(["Mode", "", "soft · hard · off", ""])
                child.setData(0, Qt.ItemDataRole.UserRole, r.id)
                child.setToolTip(0, "soft: a penalty when broken; hard: never broken; off: ignored")
                item.addChild(child)
                box = _RuleCombo()
                box.addItem("soft", "soft")
                box.addItem("hard", "hard")
                box.addItem("off", "off")
                box.setAccessibleName(f"{r.id} mode")
                box.setMaximumWidth(VALUE_W)
                box.setToolTip(child.toolTip(0))
                box.currentIndexChanged.connect(lambda _i, rid=r.id: self._mode_changed(rid))
                box.back_to = self.tree
                self._own_steps(box, lambda e, rid=r.id: isinstance(e, E.SetRuleMode)
                                and e.rule == rid)
                self.tree.setItemWidget(child, 1, _centred(box))
                self.mode_boxes[r.id] = box
            for p in r.params:
                self._add_param(item, r, p)
            item.setExpanded(True)
        # a heading spans the row once every line is in: each call lays the tree out first, and
        # made one by one between the additions they measured every line again (a tenth of the
        # window's start)
        for item in self.items.values():
            item.setFirstColumnSpanned(True)

    def _add_param(self, item: QTreeWidgetItem, r, p) -> None:
        tick = p.unit == "on/off"
        span = "" if p.text is not None or tick else f"{p.min:g}–{p.max:g}"
        child = QTreeWidgetItem([p.row_text, "", span, p.unit])
        child.setData(0, Qt.ItemDataRole.UserRole, r.id)
        child.setData(0, SETTING_ROLE, f"{r.id}.{p.name}")
        child.setToolTip(0, f"{r.id}.{p.name}: {p.description} (default {p.default_text})")
        item.addChild(child)
        if p.text is not None:  # a list of names, typed comma-separated
            box = QLineEdit()
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # as the number boxes (_ClickOrEnter)
            box.setPlaceholderText("none")
            box.editingFinished.connect(lambda rid=r.id, name=p.name: self._text_changed(rid, name))
        elif tick:
            box = _RuleTick(p)
        elif p.integer:
            box = _RuleSpin()
            box.setRange(int(p.min), int(p.max))
        else:
            box = _RuleDoubleSpin()
            box.setRange(p.min, p.max)
            box.setDecimals(2)
        if p.text is None:
            box.refused = lambda typed, why, fix, rid=r.id, p=p, box=box: self._out_of_range(
                rid, p, typed, box, why, fix)
            box.setKeyboardTracking(False)  # one edit per step or per typed value
            box.valueChanged.connect(lambda _v, rid=r.id, name=p.name: self._value_changed(rid, name))
            self._own_steps(box, lambda e, rid=r.id, name=p.name: isinstance(e, E.SetRuleValue)
                            and (e.rule, e.param) == (rid, name))
        box.setAccessibleName(f"{r.id} {p.name}")
        box.setToolTip(f"{p.description}; {p.range_text}, default {p.default_text}")
        box.setMaximumWidth(VALUE_W)
        box.back_to = self.tree
        self.tree.setItemWidget(child, 1, _centred(box))
        self.value_boxes[(r.id, p.name)] = box

    def _own_steps(self, box: _ClickOrEnter, own) -> None:
        """Esc in ``box`` goes back in the undo history when every step since the coach went in
        is one ``own(edit)`` says is the box's."""
        box.noted = self._place
        box.rewound = lambda place: self._rewind(place, own)

    def _place(self) -> tuple[int, object] | None:
        """Where the undo history is: its index and the step before it (None: no history)."""
        stack = self.history
        if stack is None:
            return None
        i = stack.index()
        return i, stack.command(i - 1) if i else None

    def _rewind(self, place: tuple[int, object] | None, own) -> bool:
        """Back to ``place`` (``undo_to_requested``) when the history still holds it and every
        step pushed since is ``own``; True when it went back."""
        stack = self.history
        if stack is None or place is None:
            return False
        i, last = place
        now = stack.index()
        if now <= i or (i and stack.command(i - 1) is not last):
            return False  # nothing pushed since, or the history went back past it
        if not all(own(getattr(stack.command(k), "edit", None)) for k in range(i, now)):
            return False  # another change came between: the box changes back
        self.undo_to_requested.emit(i)
        return stack.index() == i

    def set_season(self, season: Season) -> None:
        self.season = season
        rs = RuleSet(season.rules)
        for (rid, name), box in self.value_boxes.items():
            with QSignalBlocker(box):
                if isinstance(box, QLineEdit):
                    box.setText(", ".join(rs.texts(rid, name)))
                else:
                    box.setValue(rs.value(rid, name))
            changed = name in season.rules.values.get(rid, {})
            f = box.font()
            f.setBold(changed)
            box.setFont(f)
        for rid, box in self.mode_boxes.items():
            with QSignalBlocker(box):
                box.setCurrentIndex(box.findData(rs.mode(rid)))
        self._show_details(self.tree.currentItem())

    def filter(self, text: str) -> int:
        """Show the rules whose heading (id and title) has every typed word, with all their
        lines, and each line that has them together with its rule's heading ("load spike
        weight"); an empty text shows everything. Commas part alternatives, and a setting's
        name as the command line writes it keeps that line alone ("HV-2.max_speed_days,
        HV-6.days_after": the two settings HV-1's advice names). Returns the number of rules
        shown."""
        keys = {f"{rid}.{name}".casefold() for rid, name in self.value_boxes}
        alternatives = [[find_synonyms(w) for w in part.split()]
                        for part in text.casefold().split(",") if part.split()] or [[]]

        def words_of(item: QTreeWidgetItem) -> str:
            return " ".join(item.text(c) for c in range(item.columnCount())).casefold()

        def has(hay: str, key: str | None = None) -> bool:
            for words in alternatives:
                if len(words) == 1 and words[0][0] in keys:  # one setting, by its name
                    if key is not None and words[0][0] == key.casefold():
                        return True
                elif all(any(w in hay for w in same) for same in words):
                    return True
            return False

        shown = 0
        for item in self.items.values():
            head = words_of(item)  # the rule's id and title
            whole = has(head)
            any_child = False
            for k in range(item.childCount()):
                child = item.child(k)
                hay = f"{head} {words_of(child)} {child.toolTip(0).casefold()}"
                keep = whole or has(hay, child.data(0, SETTING_ROLE))
                child.setHidden(not keep)
                any_child |= keep
            item.setHidden(not (whole or any_child))
            shown += not item.isHidden()
        return shown

    def show_settings(self, keys: list[str]) -> int:
        """Find the settings ``keys`` ("HV-2.max_speed_days") alone, the first one selected (the
        search box says them: clearing it shows every rule again). Returns the rules shown."""
        self.find.setText(", ".join(keys))
        shown = self.filter(self.find.text())
        first = next((self.items[k.split(".")[0]] for k in keys if k.split(".")[0] in self.items),
                     None)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)
        return shown

    def show_rule(self, rule_id: str) -> bool:
        item = self.items.get(rule_id)
        if item is None:
            return False
        if item.isHidden():
            self.find.clear()  # the rule asked for is shown whatever was typed
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def current_rule(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _value_changed(self, rule_id: str, name: str) -> None:
        if self.season is None:
            return
        box = self.value_boxes[(rule_id, name)]
        value, kept = box.value(), RuleSet(self.season.rules).value(rule_id, name)
        if value == kept:
            return
        edit = E.SetRuleValue(rule=rule_id, param=name, value=value)
        why = load_table_problem(edit.apply_to_rules(self.season.rules), name) \
            if rule_id == "LD-1" else None
        if why:  # in range, but not with the other values (a deload longer than a load week)
            with QSignalBlocker(box):
                box.setValue(kept)
            msg = f"{rule_id} {RULES[rule_id].param(name).label}: {why} (the rule keeps " \
                  f"{box.textFromValue(kept)})."
            QToolTip.showText(box.mapToGlobal(box.rect().bottomLeft()), msg, box)
            self.refused.emit(msg)
            return
        self.edit_requested.emit(edit)

    def _out_of_range(self, rule_id: str, p, typed: str, box, why: str = "is outside",
                      fix: str = "type a value in that range") -> None:
        kept = box.textFromValue(box.value())
        typed = typed if len(typed) <= 24 else f"{typed[:20]}… ({len(typed)} characters)"
        what = f"{why} {p.range_text}" if why == "is outside" else f"{why} ({p.range_text})"
        msg = f"{rule_id} {p.label}: '{typed}' {what}; {fix} (the rule keeps {kept})."
        QToolTip.showText(box.mapToGlobal(box.rect().bottomLeft()), msg, box)
        self.refused.emit(msg)

    def _text_changed(self, rule_id: str, name: str) -> None:
        if self.season is None:
            return
        text = self.value_boxes[(rule_id, name)].text()
        value = tuple(x for x in (" ".join(t.split()) for t in text.split(",")) if x)
        if value != RuleSet(self.season.rules).texts(rule_id, name):
            self.edit_requested.emit(E.SetRuleValue(rule=rule_id, param=name, value=value))

    def _mode_changed(self, rule_id: str) -> None:
        if self.season is None:
            return
        mode = self.mode_boxes[rule_id].currentData()
        if mode != RuleSet(self.season.rules).mode(rule_id):
            self.edit_requested.emit(E.SetRuleMode(rule=rule_id, mode=mode))

    def _show_details(self, item: QTreeWidgetItem | None, *_args) -> None:
        rid = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        r = RULES.get(rid) if rid else None
        if r is None:
            self.details.setHtml("<p><i>Select a rule to read what it says, its evidence and "
                                 f"its sources.</i></p><p><i>{_INTO_BOX}</i></p>")
            return
        kind = "hard rule (never broken)" if r.hard else "soft rule (a penalty when broken)"
        out = [f"<p><b>{_esc(r.id)} {_esc(r.title)}</b> — {kind}</p><p>{_esc(r.summary)}</p>",
               f"<p><i>Evidence:</i> {_esc(r.evidence)} ({_esc(evidence_text(r.evidence))})</p>"]
        if r.citations:
            out.append("<p><i>Sources:</i></p><ul>")
            out += [f"<li>{_esc(cite(k))}</li>" for k in r.citations]
            out.append("</ul>")
        if r.params or r.can_switch:
            out.append(f"<p><i>{_INTO_BOX}</i></p>")
        self.details.setHtml("".join(out))


_INTO_BOX = ("Keyboard: Enter on a setting's line goes into its value, ↑/↓ then change "
             "it; Esc comes back to the list.")


# -- stale result -------------------------------------------------------------------------------
class StaleBanner(QFrame):
    """A non-blocking offer: a solve result for a season that changed while solving."""

    apply_requested = Signal()
    discard_requested = Signal()
    solve_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Solve result offer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(pal.ColorRole.Window, pal.color(pal.ColorRole.ToolTipBase))
        pal.setColor(pal.ColorRole.WindowText, pal.color(pal.ColorRole.ToolTipText))
        self.setPalette(pal)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.apply_button = QPushButton("Apply this plan")
        self.apply_button.setAccessibleName("Apply this plan")
        # a plan that no longer fits the season (made for another today or squad): solved again
        self.solve_button = QPushButton("Solve Again")
        self.solve_button.setAccessibleName("Solve again for the season as it is now")
        self.solve_button.hide()
        self.discard_button = QPushButton("Discard")
        self.discard_button.setAccessibleName("Discard the plan")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.apply_button)
        lay.addWidget(self.solve_button)
        lay.addWidget(self.discard_button)
        self.apply_button.clicked.connect(self.apply_requested)
        self.solve_button.clicked.connect(self.solve_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def offer(self, text: str) -> None:
        self.label.setText(text)
        self.show()


# -- what was just written ----------------------------------------------------------------------
class NoticeBar(QFrame):
    """A line above the board: what was just exported, where, and buttons to open the file or
    its folder (a status-bar message is gone in seconds). A notice of what was written closes by
    itself after :data:`WRITTEN_MS` (not while the pointer or the keyboard is on it) or at the
    next edit (:meth:`hide_export`): at 1280 x 720 it kept a row of the board for good. Other
    notices (a file changed on disk) stay until closed or replaced."""

    WRITTEN_MS = 30_000

    open_requested = Signal(str)  # a path
    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName("Open the exported file")
        self.folder_button = QPushButton("Show folder")
        self.folder_button.setAccessibleName("Show the folder")
        self.reload_button = QPushButton("Reload")
        self.reload_button.setAccessibleName("Reload the season file as it is on disk")
        self.action_button = QPushButton()  # what the notice proposes (Move Today…)
        self._action = None
        self.close_button = QPushButton("✕")
        self.close_button.setAccessibleName("Close the notice")
        self.close_button.setToolTip("Close")
        self.close_button.setFlat(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 2, 4, 2)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.open_button)
        lay.addWidget(self.folder_button)
        lay.addWidget(self.reload_button)
        lay.addWidget(self.action_button)
        lay.addWidget(self.close_button)
        self.file = ""
        self.folder = ""
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.file))
        self.folder_button.clicked.connect(lambda: self.open_requested.emit(self.folder))
        self.reload_button.clicked.connect(self.reload_requested)
        self.action_button.clicked.connect(lambda: self._action() if self._action else None)
        self.close_button.clicked.connect(self.hide)
        self._line = ""  # the one-line words (offer), cut to the label's width
        self.label.installEventFilter(self)
        self.closing = QTimer(self)  # a notice of what was written: it goes by itself
        self.closing.setSingleShot(True)
        self.closing.setInterval(self.WRITTEN_MS)
        self.closing.timeout.connect(self._close_written)
        self.hide()

    def _close_written(self) -> None:
        focus = QApplication.focusWidget()
        if self.underMouse() or (focus is not None and self.isAncestorOf(focus)):
            self.closing.start()  # in use: asked again later
        else:
            self.hide_export()

    def hide_export(self) -> None:
        """Hide a notice of what was exported (one with Open or Show folder): another season
        replaced the one it was exported from."""
        if self.open_button.isVisibleTo(self) or self.folder_button.isVisibleTo(self):
            self.closing.stop()
            self.hide()

    def text(self) -> str:
        """What the notice says, whole (a one-line notice shows it cut)."""
        return self._line or self.label.text()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.label and event.type() == QEvent.Type.Resize and self._line:
            self._elide()
        return False

    def _elide(self) -> None:
        width = max(self.label.width(), 1)
        metrics, line = self.label.fontMetrics(), self._line
        if self.folder and self.folder in line and metrics.horizontalAdvance(line) > width:
            # the folder's path cut in its middle ("/home/coach/…/exports"): the file's name
            # and what follows it stay (it wrapped one word a line at 1024 x 600)
            room = width - metrics.horizontalAdvance(line.replace(self.folder, "", 1))
            line = line.replace(self.folder, metrics.elidedText(
                self.folder, Qt.TextElideMode.ElideMiddle, max(room, width // 3)), 1)
        self.label.setText(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))

    def offer(self, text: str, file: str = "", folder: str = "", reload: bool = False,
              line: str = "", action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show ``text``; Open opens ``file``, Show folder opens ``folder`` (each when given),
        Reload (``reload``) asks for the season file as it is on disk, ``action`` (a button's
        words, what it does) what the notice proposes. ``line``: plain words
        shown instead on one line, cut to the width with "…", ``text`` in its tooltip (two
        wrapped lines squeezed a narrow board to 4 athletes at 1024 x 600)."""
        self._line = line
        self.file, self.folder = file, folder
        self.label.setWordWrap(not line)
        self.label.setTextFormat(Qt.TextFormat.PlainText if line else Qt.TextFormat.AutoText)
        self.label.setToolTip(text if line else "")
        # one line: the label takes the width it is given, never more (its text is cut)
        self.label.setMinimumWidth(1 if line else 0)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored if line else
                                 QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        if line:
            self._elide()
        else:
            self.label.setText(text)
        self.open_button.setVisible(bool(file))
        self.folder_button.setVisible(bool(folder))
        self.reload_button.setVisible(reload)
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        if (file or folder) and not reload:
            self.closing.start()
        else:
            self.closing.stop()
        self.show()
