"""An athlete's week on one page: what the handout PDF and the workbook's athlete sheets print.

:func:`handout_weeks` gives, per athlete and week, everything the page says: the athlete, the
week and its kind in words, the training block, the stage with its limits, the next milestone
("2 sessions at 95 % to leave S2"), the matches with the athlete's role, and one row per day with
its session (:mod:`planner.sessions`), target speed, minutes, RPE and limits. Both renderers
(``ui.desktop.handouts`` for the PDF, ``planner.xlsx_export`` for the workbook) draw from it, so
the paper and the sheet say the same, but for a caution from the log (``planner.caution``): said to
the player on his handout (``to_player``), to the staff on the sheet.

With ``anonymise=True`` the season is expected anonymised already (``planner.anonymise``) and no
protocol content is written: stage codes and speed caps stay, stage titles, exit texts and
criteria go.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from planner import text
from planner.criteria import failed_words, gate, passes_all, tests_until
from planner.history import counted_lower_why, logged_days, planned_level, went_otherwise
from planner.loadtable import LOAD_NOTED, AthleteLoad, LoadTable, known_from, lighter_than_around
from planner.rehab import stage_since
from planner.returns import (
    AthleteFacts,
    back_note,
    first_match_day_words,
    provisional_tests,
    returns,
)
from planner.rules import RuleSet
from planner.season import FIT, INJ, PLAY_LEVEL, REHAB_STAGES, SPEED_DAY, Plan, Season
from planner.sessions import (
    KEEP_OWN_LIMITS,
    NO_MAX_SPEED,
    NO_SESSION,
    ROLE_WORDS,
    Days,
    Prescriber,
    Prescription,
    away_reason,
    planned_load,
    stage_limits,
)
from planner.squad import AWAY_WORDS, joined_on, left_on, position_key
from planner.text import with_note
from planner.timeline import Timeline

if TYPE_CHECKING:
    from planner.daymarks import ProvisionalExit

__all__ = ["HandoutDay", "HandoutWeek", "Handouts", "gone_before", "gone_label", "gone_words",
           "handout_weeks", "keep_units", "page_terms", "counted_words", "same_as_planned",
           "stands_words"]

PAST_ROLE_WORDS = {"start": "started", "bench": "came off the bench"}  # a match before today

# a logged top speed this close to the level it counts as is said alone ("Logged 94.8 %")
SAID_AS_LEVEL = 0.5


def match_role(f: AthleteFacts, i: int, logged: dict | None = None, comp=None) -> str:
    """The athlete's part in competition day ``i``, in the words of a handout or calendar: a
    returner held out until the re-entry sessions are done (RE-1) is told so, not that he was
    left out of the squad. ``logged``: the athlete's logged days (planner.history), for a player
    injured in a match he played (the record holds the stage from that day: "in rehab, not
    playing" stood beside "30 min played"). ``comp``: one of the day's competitions, whose own
    role is said (a player set out for the second match of a tournament day read "you start"
    there); never better than the day's plan gives him."""
    tl = f.tl
    got = logged.get(tl.days[i]) if logged and i < tl.p0 else None
    minutes = got.played if got is not None else None  # the minutes played logged, if any
    if minutes:
        # what happened, whatever the plan had: a starter subbed after 20 minutes is a bench
        # day to the rules (1-44 minutes, rules-spec.md section 9), not a player "on the bench"
        rec = f.records[f.gov[i]] if f.gov[i] is not None else None
        if rec is not None and rec.onset == tl.days[i]:
            return f"played {minutes:g} min (logged), injured that day"
        if f.st[i] != FIT:
            # played in rehab (the day after a flare-up, say): "in rehab, not playing" stood
            # beside "90 min played" in the day's row
            return f"played {minutes:g} min (logged) in rehab ({f.st[i]})"
        return f"played {minutes:g} min (logged)"
    if f.played[i] and minutes is None:
        role = "start" if f.it[i] == PLAY_LEVEL["start"] else "bench"
        if comp is not None and len(tl.comp_on[i]) > 1:
            role = f.match_roles(i)[[c.id for c in tl.comp_on[i]].index(comp.id)]
        return (PAST_ROLE_WORDS if i < tl.p0 else ROLE_WORDS)[role] if role != "out" else \
            ROLE_WORDS["out"]
    if f.st[i] != FIT:
        return "in rehab, not playing"
    if i in f.off:
        return "away"
    if not f.ready[i]:
        return "not yet (re-entry sessions first)"
    # 0 minutes logged: on the bench unused, or out; a plan solved before the log read "started"
    return "did not play (0 min logged)" if minutes == 0 else ROLE_WORDS["out"]




NOTE_CHARS = 80  # a logged note on a page: the day's line, not the notes box
# how a rehab day runs, in the catalogue's words (templates/sessions.json): said once a week in the
# Running row, not in every row (with the provisional note on each, a rehab page's type shrank
# to 7 pt); a catalogue worded otherwise keeps its rows as they are
_RUN_HOW = re.compile(r", in a straight line, reaching that speed and no faster"
                      r"(?: than the stage's \d+\s%)? \(a slower run (?:counts as the step below|"
                      r"does not count as a step)\)")
_EXERCISES_FIRST = re.compile(r"^The exercises of your stage \([^)]*\), then ")
RUN_RULE = ("Rehab days: your stage's exercises first, then the runs of the day's row, in a "
            "straight line, each reaching the row's speed and no faster; a slower run counts as "
            "the step below (at 60 %, the lowest step, as none).")
# RUN_RULE on the player's own page (the handout PDF): what to do, not how the planner counts
RUN_RULE_PLAYER = ("Rehab days: your stage's exercises first, then the runs of the day's row, in "
                   "a straight line, each reaching the row's speed and no faster. If you cannot "
                   "reach that speed, tell the physio: your next step up may have to wait.")
# what every page of the player's handout asks him to say after training (the log's RPE and pain)
REPORT_LINE = "After each session tell the coach your effort (RPE 0–10) and any pain."
# a fit week's speed days: the matches in them, to the staff and to the player
MATCHES_COUNT = "matches count, and are played even above it: then no other speed day"
MATCHES_COUNT_PLAYER = "your matches count, and you play them even beyond it: then no other speed day"
# a protocol's pain rule on the player's page: an instruction, the protocol's threshold kept
_PAIN_STOPPED = re.compile(r"Any exercise provoking (\d+(?:\.\d+)?)/10 pain or more at the "
                           r"injured area is adjusted or stopped\.")
_PAIN_MODEL = re.compile(r" \((?:pain-monitoring model|PAASS)\)")


def player_pain_rule(rule: str) -> str:
    """A protocol's pain rule (the week's Pain row) as the player's handout says it: "Any
    exercise provoking 2/10 pain or more at the injured area is adjusted or stopped." reads
    "2/10 pain or more at the injury: stop the exercise and tell the physio.", and a model's
    name ("(pain-monitoring model)") goes; the staff's pages keep the protocol's words."""
    out = _PAIN_STOPPED.sub(r"\1/10 pain or more at the injury: stop the exercise and tell the "
                            r"physio.", rule)
    return _PAIN_MODEL.sub("", out)


def _short(note: str) -> str:
    return note if len(note) <= NOTE_CHARS else note[:NOTE_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class HandoutDay:
    date: dt.date
    md: str | None
    stage: str
    intensity: int
    session: Prescription
    competitions: str  # the day's competitions, "League match 7 (C)"
    role: str | None  # start / bench / out on a competition day, as the plan has it
    provisional: bool
    # a provisional day: what it waits on, ``the move P2 → P3 (Sat 8 Aug)`` and its tests
    # (:meth:`Handouts._waits_on`); "" for both when not provisional or not known
    waits_move: str = ""
    waits_tests: str = ""
    logged_minutes: float | None = None  # a day before today with a logged session: what was done
    logged_load: float | None = None
    logged_rpe: float | None = None  # the RPE logged (a 0-minute session keeps its RPE)
    planned_level: int | None = None  # a past day that went otherwise: the level planned for it
    cap: int | None = None  # a past rehab day logged above its stage: the stage's cap
    pain: float | None = None  # a past day's logged pain (0-10)
    flare_mark: int | None = None  # the pain proposes a flare-up not recorded: the protocol's mark
    alert_mark: int | None = None  # a fit player's pain at or above the alert mark (planner.progress)
    flare_recorded: bool = False  # a flare-up is recorded on the day
    planned_words: str = ""  # a past day planned at 0: what that was (a recovery session, a day off)
    logged_top: float | None = None  # the top speed logged (% of max), as written
    played: float | None = None  # minutes played logged on a competition day
    # a past calm day after a recorded flare-up: RH-FL's most (CALM_CAP), said when the log is above
    calm_cap: int | None = None
    # a past day's planned load as the load figures count it (planner.loadtable: a day whose
    # stage a flare-up changed afterwards keeps the session planned for it), None: the session's
    planned_au: float | None = None
    note: str = ""  # a logged day's notes ("trained alone", today's too), as the Inspector shows them
    # a past match day counted a level under its logged top speed: why (planner.history)
    counted_why: str = ""
    # a past day logged otherwise than planned (at a planned level above 0): the session
    # planned, said beside the log (its target speed and limits kept on the row)
    planned_session: Prescription | None = None
    # a provisional day after the week's first waiting on the same move: its day, the row that
    # says what it waits on (the note on every row shrank a rehab page's type to 7 pt); None
    provisional_said: dt.date | None = None
    # today with a session logged: the row says what was logged, the session planned beside it
    # (``planned_session``), as a past day that went otherwise (the week's load counted the log
    # while the row still gave the plan's 95 % sprints)
    today_logged: bool = False

    @property
    def deviation(self) -> str:
        """What a past day's page must not pass off as the prescription: ``Logged 80 %, planned
        70 %, above P2's 70 %; pain 6/10`` (empty: as planned, or not past)."""
        parts = []
        if self.planned_level is not None and self.planned_level != self.intensity:
            planned = (f"{self.planned_level} %" if self.planned_level else
                       self.planned_words or "no running")
            parts.append(f"{self.logged_words}, planned {planned}")
        # above the stage as the log has it (81 % in P3 counts as 80 % but is above its 80 %),
        # as 'periodize log' says it
        done = round(self.logged_top) if self.logged_top is not None else self.intensity
        if self.cap is not None and done > self.cap and self.cap < 100:  # 100 %: a new max
            above = text.above_stage(self.stage, self.cap)
            parts.append(above if parts else f"{self.logged_words}, {above}")
        elif self.calm_cap is not None and done > self.calm_cap:
            # the day after a flare-up: the stage's cap is not the one that held (RH-FL), as the
            # inspector and 'periodize explain' say it ("at most 60 %")
            calm = f"above the calm day's {self.calm_cap} % after the flare-up (RH-FL)"
            parts.append(calm if parts else f"{self.logged_words}, {calm}")
        said = ", ".join(parts)
        if self.pain:
            said += ("; " if said else "") + f"pain {self.pain:g}/10 logged"
            if self.flare_recorded:
                said += ", a flare-up recorded"
            elif self.flare_mark is not None:  # as 'periodize log' and Move Today say it
                said += (f", at or above the protocol's {self.flare_mark}/10 for a flare-up "
                         f"(not recorded)")
            elif self.alert_mark is not None:  # a fit player: nothing proposed, the physio told
                said += f", {self.alert_mark}/10 or more: tell the physio"
        elif self.flare_recorded and "flare-up" not in (
                f"{self.session.summary} {self.session.content}".lower()):
            # recorded without a pain logged, the day's session not the flare-up's own (a logged
            # day keeps what was done): the stage going back unsaid
            said += ("; " if said else "") + "a flare-up recorded"
        return said[:1].upper() + said[1:]

    @property
    def logged_words(self) -> str:
        """``Logged 68 % (counts as 60 %)``: the speed as written in the log and, when it is
        not one, the level it counts as; a match without a speed logged, the minutes played."""
        if self.logged_top is not None:
            counts = abs(self.logged_top - self.intensity) > SAID_AS_LEVEL
            return f"Logged {self.logged_top:g} %" + (
                f" (counts as {self.intensity} %" + (f": {self.counted_why}" if self.counted_why
                                                     else "") + ")" if counts else "")
        if self.played is not None:
            return f"Played {self.played:g} min (counts as {self.intensity} %)"
        if self.logged_minutes == 0:  # logged as not trained (ill, excused)
            return "Did not train (0 min logged)"
        return f"Counts as {self.intensity} %"

    @property
    def as_logged(self) -> bool:
        """A past day logged otherwise than planned: its page says what was done, not a session
        made up from the logged level (a 70 % day logged at 95 % read "Flying sprints 4 × 30 m
        at 95 %", a warm-up nobody prescribed), or above the stage the records now give it (a
        flare-up recorded after the fact: "Rehab P1: 4 × 30 m at 95 %" under P1's no running)."""
        return self.logged_load is not None and (
            self.session.as_logged or self.today_logged
            or (self.planned_level is not None and self.planned_level != self.intensity))

    @property
    def said(self) -> str:
        """The lines a page puts before the day's session, each ending ``.\n``: a past day logged
        at its planned level says what was logged (the page read as the bare prescription, the
        logged minutes nowhere), with the load against the plan's when they differ by more than
        ``LOAD_NOTED`` (95 min at RPE 6 on a 75 × 4 day read "done as planned"); then the
        deviation (pain, a breach of the stage)."""
        done = "" if self.as_logged else self.logged_said
        return "".join(f"{x}.\n" for x in (done, self.deviation) if x)

    @property
    def logged_said(self) -> str:
        """``Logged: 95 min, RPE 6 (felt ok) (570 AU, planned 300 AU)``: what was logged, with the
        load against the plan's when they differ by more than ``LOAD_NOTED``; "" when nothing was."""
        if self.logged_load is None:
            return ""
        done = self.logged_summary
        plan = self.planned_au if self.planned_au is not None else self.session.load
        if plan and abs(self.logged_load - plan) > LOAD_NOTED * plan:
            done += f" ({text.number(self.logged_load)} AU, planned {text.number(plan)} AU)"
        return done

    @property
    def logged_summary(self) -> str:
        """``Logged: 75 min, RPE 6, top speed 95 %`` (the day's sessions added up)."""
        parts = [f"{text.number(self.minutes)} min" if self.minutes is not None else "",
                 f"RPE {self.rpe:g}" if self.rpe is not None else "",
                 f"{text.number(self.played)} min played" if self.played is not None else "",
                 f"top speed {self.logged_top:g} %" if self.logged_top is not None else ""]
        return "Logged: " + ", ".join(x for x in parts if x) + (f" ({self.note})" if self.note else "")

    @property
    def planned_summary(self) -> str:
        """A logged day's session as planned, in a summary's words: ``Team training: up to 70
        %``, or for a day planned at 0 what that was (``No running (a recovery session)``)."""
        if self.planned_session is not None:
            return self.planned_session.summary
        if self.planned_level is not None:  # planned at 0: no session of its own
            what = self.planned_words or "no running"
            return what[:1].upper() + what[1:]
        return self.session.summary

    @property
    def logged_title(self) -> str:
        """``Logged: 90 min, RPE 6 — planned: team training: up to 70 %``: a past day logged in
        one line, what was done first (the calendar's event of the day)."""
        if self.session.as_logged and self.planned_session is None and self.planned_level is None:
            return self.session.summary  # the day's session is the log ("Logged 70 % — above P1")
        what = self.planned_summary
        return f"{self.logged_summary} — planned: {what[:1].lower()}{what[1:]}"

    @property
    def day(self) -> str:
        return _day_text(self.date)

    @property
    def minutes(self) -> float | None:
        """The day's minutes: logged (a past day with a session) or planned."""
        return self.logged_minutes if self.logged_load is not None else self.session.minutes

    @property
    def rpe(self) -> float | None:
        """The day's RPE: the logged sessions' (their load over their minutes) or the target."""
        if self.logged_load is None:
            return self.session.rpe
        if self.logged_minutes:
            return round(self.logged_load / self.logged_minutes, 1)
        return self.logged_rpe  # 0 minutes: the RPE logged, not a blank read as nothing logged

    @property
    def load(self) -> float | None:
        """The day's load in AU: logged or planned (None: no load)."""
        if self.logged_load is not None:
            return self.logged_load
        return self.session.load or None


# the head of the day's kicking and change-of-direction limits (HandoutWeek.limits_head: a page
# without a kicking limit heads it "Change of direction")
LIMITS_HEAD = "Kicking · change of direction"


@dataclass(frozen=True)
class HandoutWeek:
    season: str
    athlete: str  # id
    name: str  # the name (the ID when anonymised)
    position: str
    max_speed: float | None
    week: int  # 1-based
    first: dt.date
    last: dt.date
    kind: str
    kind_text: str
    block: str  # "Autumn: In-season maintenance", or ""
    stage: str  # "S2 Controlled sprinting: running up to 95 %", or "Fit: full training"
    limits: str  # "kicking: medium kicks; change of direction: planned", or ""
    milestone: str
    matches: tuple[str, ...]
    days: tuple[HandoutDay, ...]
    speed_days: int
    hv_exposures: int
    planned_load: float | None  # AU, rules-spec.md section 8 (None: a day without a load)
    anonymised: bool = False
    played: int = 0  # of the speed days, the days of competitions the athlete plays
    matches_played: int = 0  # the competitions played on them (more on a day of several)
    notes: tuple[str, ...] = field(default_factory=tuple)
    past: str = ""  # "past" (wholly before today), "partly past" or "" (from today on)
    # the rehab pain rule, said once for the week: the day rows leave it out (it filled every
    # row of a rehab page and shrank its type)
    pain_rule: str = ""
    run_rule: str = ""  # how a rehab day runs (RUN_RULE), said once for the week; "" for none
    today: dt.date | None = None  # a partly past week's today: the first day still planned
    # away every day of the week with nothing logged: why ("Loan"); the page says only
    # ``kind_text``, "Away all week (Loan): nothing planned". "" otherwise
    away: str = ""
    # no training day and no match of his in the week (a winter break): why ("Winterpause"); the
    # Week row says "No training this week (Winterpause)", not the team's week kind. "" otherwise
    idle: str = ""
    hv_exempt: bool = False  # HV-1 asks no high-velocity exposure of the position (goalkeepers)
    last_week: int = 0  # 1-based: the last of a run of weeks away printed as one page (0: one)
    # the player's own page (the handout PDF, Handouts' ``to_player``): its words said to him, and
    # what to tell the coach after training (``report``); the staff's pages keep theirs
    for_player: bool = False

    @property
    def report(self) -> str:
        """What the player tells the coach after each session (REPORT_LINE), on every page of
        his handout with a day to train on; "" on the staff's pages and a page of a week away."""
        return REPORT_LINE if self.for_player and not self.away else ""

    @property
    def rpe_logged(self) -> bool:
        """Does a day row show a logged RPE (a day with a session logged), not the target?"""
        return any(d.logged_load is not None for d in self.days)

    @property
    def rpe_head(self) -> str:
        """The RPE column's head: ``Target RPE`` when every row's is the plan's (a player read
        "RPE" as a box to fill in), ``RPE`` when a row's is logged (page_terms says which)."""
        return "RPE" if self.rpe_logged else "Target RPE"

    @property
    def limits_head(self) -> str:
        """The limits column's head: ``Kicking · change of direction`` when a day of the page
        says a kicking limit, else ``Change of direction`` (a basketball squad's handout read
        "Kicking" above weeks with no kicking in them)."""
        kicking = any(line.startswith("Kicking") for d in self.days
                      for line in day_texts(d).limits.split("\n"))
        return LIMITS_HEAD if kicking else "Change of direction"

    @property
    def title(self) -> str:
        return self.heading + (f" · {self.when}" if self.when else "")

    @property
    def heading(self) -> str:
        weeks = f"Weeks {self.week}–{self.last_week}" if self.last_week > self.week else f"Week {self.week}"
        return f"{weeks} · {text.span(self.first, self.last)}"

    @property
    def when(self) -> str:
        """A printed past week is what happened, not instructions (a practitioner read it as the
        plan): ``past: as logged``, or for the week holding today which days are which ("before
        today" left the reader to guess which day today was); "" from today on. A run of weeks
        before a signing joined or after a player left: "not yet here" or "left", past or not."""
        # nothing logged: the days count as planned, so the page says so ("as logged" above a
        # week nobody logged read as a record of what was done)
        outside = AWAY_WORDS.get(" ".join(self.away.split()).lower())
        if outside:  # "as planned" above weeks he was not at the club
            return outside
        past = [d for d in self.days if self.today is None or d.date < self.today]
        logged = self.logged
        how = "as logged" if logged else "nothing logged, as planned"
        if not logged and any(d.planned_level is not None for d in past):
            # "as planned" above days a flare-up recorded afterwards counts as not done
            how = "nothing logged; as planned except where a day says 'Counts as'"
        if self.past == "past":
            return f"past: {how}"
        if (done := self.today_logged) is not None:
            # today's session logged: its row says what was done, so today is no planned day
            # ("As logged to Wed 30 Sep, planned from Thu 1 Oct" above Thursday's logged row)
            nxt = done + dt.timedelta(days=1)
            return f"{how} to {text.day(done)}" + (
                f", planned from {text.day(nxt)}" if nxt <= self.last else "")
        if self.past == "partly past" and self.today is not None:
            return (f"{how} to {text.day(self.today - dt.timedelta(days=1))}, "
                    f"planned from {text.day(self.today)}")
        return ""

    @property
    def today_logged(self) -> dt.date | None:
        """Today, when the week holds it and a session is logged on it (its row says what was
        logged); None otherwise."""
        return next((d.date for d in self.days if d.today_logged), None)

    @property
    def logged(self) -> bool:
        """Is a session logged on a day of the week before today, or on today (its row says so)?"""
        return any(d.logged_minutes is not None for d in self.days
                   if self.today is None or d.date < self.today or d.today_logged)

    @property
    def who(self) -> str:
        return self.name if self.anonymised or self.name == self.athlete else f"{self.name} ({self.athlete})"

    @property
    def speed_label(self) -> str:
        """``Planned``, or what a past week's counts are: what was done (as logged); with nothing
        logged they are the plan's ("Done" stated as fact what was only assumed)."""
        if self.past and not self.logged:
            return "Planned (nothing logged)"
        return {"past": "Done", "partly past": "Done and planned"}.get(
            self.past, "Done and planned" if self.today_logged else "Planned")

    @property
    def speed_line(self) -> str:
        days = text.plural(self.speed_days, "speed day")
        if self.played:  # a day of several matches is one speed day
            days += f" incl. {text.match_days(self.played, self.matches_played)}"
        # a speed day logged where none was planned, named: "at most 1 speed day. Done: 2 speed
        # days" read as a contradiction, the day that went over said only on its row
        over = [f"{d.day} logged above " + (d.stage if d.cap is not None and d.intensity > d.cap
                                            else "the plan")
                for d in self.days if d.intensity >= SPEED_DAY and d.logged_load is not None
                and d.planned_level is not None and d.planned_level < SPEED_DAY]
        if over:
            days += f" ({text.join_and(over)})"
        if self.hv_exempt and not self.hv_exposures:  # none asked: no count of what is not asked
            who = ("a goalkeeper" if position_key(self.position) == "goalkeeper"
                   else f"the {self.position} position")
            return f"{days}; no high-velocity work asked of {who}"
        return f"{days}, {text.plural(self.hv_exposures, 'HV exposure')}"

    @property
    def logged_load(self) -> float | None:
        """A past week's logged load (AU), its days with a session logged (None: none)."""
        got = [d.logged_load for d in self.days if d.logged_load is not None]
        return float(sum(got)) if got and (self.past or any(d.today_logged for d in self.days)) \
            else None

    @property
    def load_text(self) -> str:
        if self.planned_load is None:
            return "–"
        how = "minutes × target RPE" if self.for_player else "minutes × RPE of the rules' load table"
        return f"{text.number(self.planned_load)} AU ({how})"


_UNITS = ((" %", "\u00a0%"), (" m/s", "\u00a0m/s"), (" km/h", "\u00a0km/h"), (" m ", "\u00a0m "),
          (" min", "\u00a0min"))


def keep_units(value: str) -> str:
    """``value`` with a no-break space before each unit, so that "70 %" never wraps as "70" and
    "%" (for the printed pages; the words are the same)."""
    for a, b in _UNITS:
        value = value.replace(a, b)
    return value


BOLD_CONTEXTS = ("speed", "compensation", "match", "bench")  # the day's session in bold


@dataclass(frozen=True)
class DayTexts:
    """One handout day's cells as both printed pages write them (the PDF handout and the
    workbook's week pages): ``limits`` a line per limit, "" on a rest day or one that went
    otherwise (the planned kicking limits are not what was done)."""

    summary: str
    what: str
    speed: str
    limits: str
    bold: bool
    rest: bool


def day_texts(d: HandoutDay) -> DayTexts:
    p = d.session
    what = d.said + p.content + (f"\n{p.note}." if p.note else "")
    if waits := provisional_note(d):  # a run waiting on a test
        # printed as a plain day: the week's Next line alone said it (and no day said which test)
        what = (f"Provisional (see {_day_text(d.provisional_said)}). "
                if d.provisional_said is not None else f"{waits} ") + what
    summary, speed = p.summary, ""
    if d.as_logged:  # what was done, not a session made up from the logged level
        # today's: its load against the plan's, as a past day logged as planned says it
        summary = d.logged_said if d.today_logged else d.logged_summary
        what = f"{d.deviation}." if d.deviation else ""
        if p.hurt:  # the injury's onset: the match it happened in, not the stage's session
            what = "\n".join(x for x in (what, p.content) if x)
        if d.planned_session is not None:
            # the session planned, its target speed and limits beside the log (the row of a
            # day logged above the plan lost its kicking cell)
            p = d.planned_session
            what = "\n".join(x for x in (what, f"Planned: {d.planned_summary}.") if x)
    if not d.as_logged or d.planned_session is not None:
        if p.speed_ms is not None:
            pre = "" if p.speed_is_target else "≤ "
            speed = f"{pre}{p.speed_ms:.1f} m/s\n{pre}{p.speed_kmh:.1f} km/h"
        elif p.no_max_speed:  # a % with no speed to aim at: said, not an empty cell
            speed = NO_MAX_SPEED
    rest = p.context in NO_SESSION
    limits = ("" if rest or not p.limits or (d.as_logged and d.planned_session is None)
              else _limit_lines(p.limits))
    return DayTexts(keep_units(summary), keep_units(what), speed, limits,
                    p.context in BOLD_CONTEXTS and not d.as_logged, rest)


def page_terms(week: HandoutWeek) -> str:
    """The handout page's footer: a plain one-line definition of each term the page uses (a
    speed day, HV, RPE, the load in AU, MD-3 and MD+2, deload, taper, ≤, provisional, LSI), only
    those on it; ""
    for a page of a week away (one line, no term)."""
    if week.away:
        return ""
    cells = [t for d in week.days for x in (day_texts(d),) for t in (x.summary, x.what, x.speed,
                                                                    x.limits)]
    said = " ".join([week.kind_text, week.speed_line, week.block, week.stage, week.limits,
                     week.pain_rule, week.run_rule, week.milestone, *week.matches, *cells])
    out = []
    if re.search(r"\bspeed days?\b", said, re.IGNORECASE):
        out.append("Speed day: a day at ≥ 80 % of your max speed")
    if re.search(r"\bHV\b", said):
        out.append("HV exposure: ≥ 90 %")
    # the columns every week's table has: MD, RPE, Load AU
    out += [_md_terms([x for d in week.days for x in re.split(r"\n| · ", d.md or "") if x]),
            _rpe_term(week),
            "Load: minutes × RPE, in AU (arbitrary units)"]
    if re.search(r"\bdeload\b", said, re.IGNORECASE):
        out.append("Deload: shorter training sessions, to recover; matches as planned")
    if re.search(r"\btaper\b", said, re.IGNORECASE):
        out.append("Taper: shorter training before a main match, to arrive fresh; matches as planned")
    if "≤" in said:
        out.append("≤: at most that speed")
    # a rehab page's words a player met without the physio beside them (review 279: "waits on
    # Isometric hip-flexion strength LSI ≥ 70 %" explained nowhere)
    if re.search(r"\bprovisional\b", said, re.IGNORECASE):
        out.append("Provisional: once the physio's test is passed")
    if re.search(r"\bLSI\b", said):
        out.append("LSI: the injured side as a % of the other")
    return " · ".join(out)


def _rpe_term(week: HandoutWeek) -> str:
    """The footer's RPE, as the column's head (HandoutWeek.rpe_head) reads it: a target, or
    on a day logged how hard the session felt."""
    if not week.rpe_logged:
        return "Target RPE: how hard the session should feel, 0 (rest) to 10 (maximal)"
    if all(d.logged_load is not None for d in week.days if d.rpe is not None):
        return "RPE: how hard the session felt, 0 (rest) to 10 (maximal)"
    return ("RPE: how hard the session felt (a day logged) or should feel (a day planned), "
            "0 (rest) to 10 (maximal)")


def _md_terms(labels: list[str]) -> str:
    """``MD: match day, MD-3: 3 days before it, MD+2: 2 days after it``: the page's first label
    before a match and first after one as examples."""
    out = ["MD: match day"]
    for sign, where in (("-", "before"), ("+", "after")):
        if (k := next((x[3:] for x in labels if x.startswith(f"MD{sign}")), None)) is not None:
            out.append(f"MD{sign}{k}: " + (f"the day {where} it" if k == "1"
                                           else f"{k} days {where} it"))
    return ", ".join(out)


def _run_said(content: str) -> str:
    """A rehab day's ``content`` without what the week's Running row says once (RUN_RULE)."""
    out = _EXERCISES_FIRST.sub("", _RUN_HOW.sub("", content))
    return out[:1].upper() + out[1:]


def _provisional_once(days: tuple[HandoutDay, ...]) -> tuple[HandoutDay, ...]:
    """``days`` (a week's) with each provisional note said in full on the first row that
    waits on its move and prints it (not one said as logged), the later ones pointing to it."""
    first: dict[tuple[str, str], dt.date] = {}
    out = []
    for d in days:
        # a row said as logged (today's session logged too) prints no note: the next one says it
        if d.provisional and d.stage != FIT and d.intensity >= 60 and not d.as_logged:
            key = (d.waits_move, d.waits_tests)
            if key in first:
                d = replace(d, provisional_said=first[key])
            else:
                first[key] = d.date
        out.append(d)
    return tuple(out)


def provisional_note(d: HandoutDay, short: bool = False) -> str:
    """``Provisional: only once Hamstring strength LSI ≥ 75 % is passed (the move P2 → P3, Sat 8
    Aug; ask the physio).``: the test and the move a provisional run waits on, as the week's
    Next line and the Inspector name them; ``short``: without the move, ``Provisional: only once
    Hamstring strength LSI ≥ 75 % is passed — ask the physio.`` (a phone calendar's later
    events of the run). "" for a day that is no provisional run."""
    if not (d.provisional and d.stage != FIT and d.intensity >= 60):
        return ""
    tests = d.waits_tests or "the criteria test the stage waits on"
    verb = "are" if ", " in d.waits_tests else "is"
    move = f"{d.waits_move}; " if d.waits_move and d.waits_tests else ""
    if short:
        return f"Provisional: only once {tests} {verb} passed — ask the physio."
    return f"Provisional: only once {tests} {verb} passed ({move}ask the physio)."


@lru_cache(maxsize=256)
def _limit_lines(limits: str) -> str:
    """``kicking: x; change of direction: y`` as two lines, each capitalised."""
    return "\n".join(x[:1].upper() + x[1:] for x in limits.split("; "))


_DAYS: dict[dt.date, str] = {}


def _day_text(d: dt.date) -> str:
    """``Mon 7 Dec`` (planner.text.day), remembered: every export asks for every day."""
    got = _DAYS.get(d)
    if got is None:
        got = _DAYS[d] = text.day(d)
    return got


class Handouts:
    """Handout weeks of one season and plan (facts, prescriptions and returns built once)."""

    def __init__(self, season: Season, plan: Plan, *, anonymise: bool = False,
                 prescriber: Prescriber | None = None, timeline: Timeline | None = None,
                 to_player: bool = False):
        self.season, self.plan, self.anonymise = season, plan, anonymise
        self.tl = timeline or Timeline(season)
        self.rs = RuleSet(season.rules)
        # to_player: the player's own page (the handout PDF), its cautions said to him
        self.p = prescriber or Prescriber(season, plan, anonymise=anonymise, timeline=self.tl,
                                          to_player=to_player)
        self.to_player = to_player
        self._untested: dict | None = None  # athlete -> a return recorded without a passing test
        self._logs: dict[str, dict] = {}
        self._proposed: dict | None = None
        self._alerted: dict = {}
        self._days: dict[str, Days | None] = {}
        self._returns = {}
        self._planned: dict[str, AthleteLoad] = {}
        self._lived: dict[str, AthleteLoad] = {}
        self._calms: dict[str, dict[int, int]] = {}
        self._notes: dict[str, dict[dt.date, str]] = {}
        self._known: dt.date | None = None
        # the return still to plan first: a return on today itself (not counted) only where
        # the athlete has no other (a later injury's weeks read the earlier return otherwise)
        for r in sorted(returns(season, plan), key=lambda r: not r.counted):
            self._returns.setdefault(r.athlete, r)
        self._prov = provisional_tests

    def sessions(self, athlete: str) -> Days | None:
        """The athlete's prescriptions, each day made when first read: a week's handout makes
        its days, not the season's (:class:`planner.sessions.Days`)."""
        if athlete not in self._days:
            self._days[athlete] = self.p.days(athlete)
        return self._days[athlete]

    def weeks(self, athlete: str, weeks: list[int] | None = None) -> list[HandoutWeek]:
        """The athlete's handout weeks (``weeks``: 0-based week indexes; None: every week)."""
        days = self.sessions(athlete)
        f = self.p.facts(athlete)
        if days is None or f is None:
            return []
        prov = self._waits_on(f)
        chosen = range(len(self.tl.weeks)) if weeks is None else weeks
        return away_runs([self._week(f, days, prov, w) for w in chosen])

    def _away_stage(self, f: AthleteFacts, i: int) -> str:
        """A week away in rehab (the stage of its first day ``i``): "Rehab S1: keep your home
        exercises; no sprinting until you are back" (no running in a stage without any), else
        "". The page said only "Away all week (Family (abroad)): nothing planned", and a player
        in rehab did not know what was still asked of him; nothing is planned for the week."""
        st = f.st[i]
        if st not in REHAB_STAGES:
            return ""
        proto = f.proto_of(i)
        cap = proto.stage(st).cap if proto is not None and st in proto.stage_ids else 0
        return (f"Rehab {st}: keep your home exercises; no {'running' if cap == 0 else 'sprinting'}"
                f" until you are back")

    def _away(self, f: AthleteFacts, days: range) -> str:
        """Why the athlete is away ("Loan") when he is away every day of the week and nothing is
        logged on any: the week's load, stage and day rows would say nothing he does. ""
        otherwise."""
        if not all(i in f.off for i in days):
            return ""
        logged = self._logged(f.id)
        if any(self.tl.days[i] in logged for i in days):
            return ""
        return ", ".join(dict.fromkeys(self.p.away_reason(f.id, i) for i in days))

    def _idle(self, f: AthleteFacts, days: range) -> str:
        """Why the athlete has no training day and no match in the week, nothing logged on any
        day: the team's days off's reasons and his days away's ("Winterpause"); the week's kind
        (a deload's "team sessions of 45 minutes") is none of his. "" otherwise."""
        tl = self.tl
        if any((f.train[i] and i not in f.off) or f.played[i] for i in days):
            return ""
        logged = self._logged(f.id)
        if any(tl.days[i] in logged for i in days):
            return ""
        return ", ".join(dict.fromkeys(
            tl.off_reason.get(i) or "Days off" if i in tl.non_training
            else self.p.away_reason(f.id, i) for i in days if i in tl.non_training or i in f.off))

    def _waits_on(self, f: AthleteFacts) -> list[ProvisionalExit | tuple[str, ...]]:
        """Per day, what a provisional day waits on: the latest provisional move on or before it,
        as the Inspector names it (a week back in full training listed the tests of P1, left
        weeks before, beside those of the move it waits on; a week in S3 named the test of the
        move P2 → P3 a month before, with no move, beside S3's own exit test); the tests alone
        when no move is found; () on a day that is not provisional."""
        from planner.daymarks import provisional_exits

        exits = provisional_exits(f)
        return [next((e for e in reversed(exits) if e.day <= i), tests) if tests else ()
                for i, tests in enumerate(self._prov(f))]

    def _waits_words(self, waits: ProvisionalExit | tuple[str, ...]) -> tuple[str, str]:
        """A provisional day's move (``the move P2 → P3, Sat 8 Aug``) and its tests with their
        marks; anonymised, "a criteria test" (a test's name names the injury), the move kept."""
        if isinstance(waits, tuple):
            return "", "a criteria test" if self.anonymise else ", ".join(waits)
        tests = "a criteria test" if self.anonymise else ", ".join(waits.marks or waits.missing)
        return (f"the move {waits.stage} → {waits.to}, {text.day(self.tl.days[waits.day])}",
                tests)

    def _not_passed(self, f: AthleteFacts, waits: ProvisionalExit | tuple[str, ...]) -> str:
        """``, not passed yet`` after what a provisional week waits on; a test of the stage held
        today that failed, said so with its retest (planner.criteria.failed_retests): ``,
        failed 82 % on Mon 26 Oct 2026, retest from Mon 2 Nov 2026``; one passed before a
        flare-up sent the athlete back to the stage (planner.criteria.passed_before): ``, passed
        80 % on Tue 13 Oct 2026, before the flare-up: retest``. Anonymised, no test named and no
        result (a test's name names the injury): ``, failed: retest from …``, ``, passed before:
        retest``."""
        from planner.criteria import failed_retests, held_gate, passed_before, retest_words

        k = None if isinstance(waits, tuple) else f.gov[waits.day]
        if k is None:
            return ", not passed yet"
        today, retest = self.tl.days[min(self.tl.p0, self.tl.n - 1)], self.rs.value("RH-CRIT", "retest_days")
        fail = failed_retests(f.records[k], f.protos[k], waits.stage, today, retest, text.day)
        # passed before a flare-up sent him back to the stage: a retest, not "not passed yet"
        before = passed_before(f.records[k], f.protos[k], waits.stage, today, text.day)
        if not any(n in fail or n in before for n in waits.missing):
            return ", not passed yet"
        if self.anonymise:
            if not any(n in fail for n in waits.missing):
                return ", passed before: retest"
            until = held_gate(f.records[k], f.protos[k], waits.stage, today, retest)[0]
            return f", failed: {retest_words(until, today, text.day)}"
        said = before | fail
        if len(waits.missing) == 1:
            return f", {said[waits.missing[0]]}"
        return ": " + "; ".join(f"{n} {said.get(n, 'not passed yet')}" for n in waits.missing)

    def _waits_week(self, waits: ProvisionalExit | tuple[str, ...]) -> str:
        """The Next line's words for what the week's provisional days wait on."""
        tests = "a criteria test" if self.anonymise else None
        if isinstance(waits, tuple):
            return f"the stage depends on {tests or ', '.join(waits)}"
        return waits.words(self.tl, short=True, tests=tests)

    def _planned_load(self, f: AthleteFacts, sessions: list[Prescription],
                      days: range) -> float | None:
        """The week's planned load as the load figures count it (planner.loadtable): a past day
        that went otherwise counts the load planned for it, not what happened (the day rows show
        that), so the week page, the Load sheet and ``periodize load`` say one planned figure."""
        if _week_load(sessions) is None:
            return None
        return float(sum(self._planned_au(f, i) for i in days))

    def _planned_au(self, f: AthleteFacts, i: int) -> float:
        """Day ``i``'s planned load as the load figures count it (planner.loadtable)."""
        al = self._series(f)
        return al.planned[al.season_start + i]

    def _series(self, f: AthleteFacts) -> AthleteLoad:
        """The athlete's load series (planner.loadtable), read once."""
        if f.id not in self._planned:
            from planner.loadtable import athlete_load

            self._planned[f.id] = athlete_load(self.season, self.plan, f.id, tl=self.tl, facts=f)
        return self._planned[f.id]

    def _lived_series(self, f: AthleteFacts) -> AthleteLoad:
        """The athlete's load series as the load figures count it (``periodize load``, the Load
        sheet and the week page's Load line, ``planner.load.figures``): the days before today as
        lived, a session logged today counted at once. Read once."""
        if f.id not in self._lived:
            from planner.loadtable import lived_load

            self._lived[f.id] = lived_load(self.season, self.plan, f.id, tl=self.tl,
                                           count_today=True)
        return self._lived[f.id]

    def _own_week(self, f: AthleteFacts, kind: str, w: int) -> str:
        """A deload or taper week's own figure when the athlete's week is far less lighter than
        the team sessions (LoadTable.volume_change): a starter's two-match deload read "Deload
        week: … 40 % less volume" at 1 % below the load weeks around it. A week with sessions
        logged says the plan's figure and the counted one ("planned 40 % below …; as logged, 11 %
        below the load weeks around it"): the logged figure alone read as the deload's design.
        The counted figure is the week's load as the load figures count it (a session logged
        today at once), and a week with days counted at their plan says so (:func:`counted_words`):
        "as logged, 2,000 AU" stood beside the Load line's "logged 330 AU. Week load 2,090 AU",
        today's session left out and the plan's days read as logged. "" otherwise."""
        table = LoadTable.of(self.rs)
        nominal = table.volume_change(kind)
        al = self._lived_series(f)
        wl = al.week_of(self.tl.days[self.tl.weeks[w].first])
        lt = None if wl is None or not wl.full else lighter_than_around(al, wl)
        if lt is None or not (lt.barely(nominal) or lt.barely(nominal, planned=True)):
            return ""
        size, around = lt.size_words(lt.change), lt.around_words
        if lt.logged:  # the plan's design first, then what was lived: one figure read as both
            said = (f" for the team: your week was planned {lt.size_words(lt.planned_change)} "
                    f"{around} ({lt.planned:,.0f} AU)")
            # the counted figure only when it says something the plan's does not: "… (2,000 AU);
            # counting the 60 AU logged …, 2,000 AU, 1 % below the load weeks around it" said the
            # same figure twice
            said += (f", {stands_words(al, wl)}" if same_as_planned(lt) else
                     f"; {counted_words(al, wl)}, {lt.load:,.0f} AU, {size} {around}")
            # the matches' share explains the plan's figure: not a week logged above its plan
            return said + (self._own_week_why(f, al, lt, w) if lt.barely(nominal, planned=True)
                           else "")
        return f" for the team: your week is {lt.load:,.0f} AU, {size} {around}" + \
            self._own_week_why(f, al, lt, w)

    def _own_week_why(self, f: AthleteFacts, al: AthleteLoad, lt, w: int) -> str:
        """Why the athlete's lighter week is barely lighter: " — the 2 matches are most of it",
        " — your rehab sessions keep their length"; "" when nothing is to say."""
        days = self.tl.weeks[w].days
        played = [i for i in days if f.played[i]]
        # the match days as the week's load counts them (logged where logged): their planned AU
        # against a logged week called matches "most of it" that were not
        share = sum(al.load[al.season_start + i] for i in played)
        if played and lt.not_lighter(planned=True):  # no lighter week to promise
            return (f" — this week's {'match keeps' if len(played) == 1 else 'matches keep'} it "
                    f"as heavy as a load week")
        why = ("" if not played and all(f.st[i] in (FIT, INJ) for i in days)
               else "your rehab sessions keep their length" if not played
               else f"the {'match is' if len(played) == 1 else f'{len(played)} matches are'} "
                    f"most of it" if 2 * share >= lt.load
               else f"your {'match keeps its' if len(played) == 1 else 'matches keep their'} "
                    f"length")
        return f" — {why}" if why else ""

    def _calm(self, f: AthleteFacts) -> dict[int, int]:
        """The past calm days after a recorded flare-up (index -> RH-FL's most), the flare-up's
        own day left out (the session that flared up is no breach), read once."""
        got = self._calms.get(f.id)
        if got is None:
            from planner.history import flare_calm_caps

            got = self._calms[f.id] = {i: c for i, c in flare_calm_caps(
                self.season, f.id, self.tl).items() if c > 0}
        return got

    # -- one week ----------------------------------------------------------------------------
    def _week(self, f: AthleteFacts, sessions: Sequence[Prescription], prov: list,
              w: int) -> HandoutWeek:
        tl, season = self.tl, self.season
        week = tl.weeks[w]
        a = season.athlete(f.id)
        rules = self._pain_rules(f, sessions, week.days)
        days = _provisional_once(tuple(self._day(f, sessions, prov, i, rules) for i in week.days))
        run_rule = (RUN_RULE_PLAYER if self.to_player else RUN_RULE) if any(
            d.session.content != _run_said(d.session.content)
            for d in days if d.session.context == "rehab") else ""
        days = tuple(replace(d, session=replace(d.session, content=_run_said(d.session.content)))
                     if d.session.context == "rehab" else d for d in days)
        kind = f.wk[w]
        away = self._away(f, week.days)
        if away:  # no load week, limits or milestone: nothing of them is his this week
            return HandoutWeek(
                season=season.name, athlete=a.id, name=a.name, position=a.position,
                max_speed=a.max_speed, week=w + 1, first=tl.days[week.first],
                last=tl.days[week.last], kind=kind, kind_text=f"Away all week ({away}): nothing planned",
                block=self._block(w),
                stage=self._away_stage(f, week.first), limits="", milestone="", matches=(),
                days=days, speed_days=0,
                hv_exposures=0, planned_load=None, anonymised=self.anonymise,
                past="past" if week.last < tl.p0 else "partly past" if week.first < tl.p0 else "",
                today=tl.days[tl.p0] if week.first < tl.p0 <= week.last else None, away=away,
                for_player=self.to_player)
        stage, limits = self._stage_line(f, sessions, w)
        if said := self._still_provisional(f, prov, w):  # "Fit: full training — provisional: …"
            stage = stage.rstrip(".") + said
        elif said := self._untested_back(f, w):  # "Fit: full training — recorded without …"
            stage = stage.rstrip(".") + said
        milestone = self._milestone(f, w)
        # he leaves the squad this week: the page says so first (in rehab, it is the hand-over);
        # no match or stage is his from that day (the board draws those days away, not a stage)
        gone = f.gone if week.first <= f.gone <= week.last else None
        if gone is not None and not milestone.startswith(leaving_words(tl.days[gone])):
            milestone = leaving_words(tl.days[gone], rehab=f.st[gone - 1] in REHAB_STAGES) + (
                f". {milestone}" if milestone else "")
        ret = self._returns.get(f.id)
        back = ret.fit if ret is not None else None
        pending = {self._waits_week(prov[i]): prov[i] for i, d in zip(week.days, days, strict=True)
                   if d.provisional and (d.stage != FIT or d.date == back)}
        if pending:  # the move and its tests named, as the Inspector says them (anonymised: a
            # test's name names the injury, "Hamstring strength LSI")
            milestone += ("; " if milestone else "") + "Provisional: " + "; ".join(
                f"{p}{self._not_passed(f, w)}" for p, w in pending.items())
        return HandoutWeek(
            season=season.name, athlete=a.id, name=a.name, position=a.position,
            max_speed=a.max_speed, week=w + 1, first=tl.days[week.first], last=tl.days[week.last],
            kind=kind, kind_text=f"No training this week ({idle})" if (
                idle := self._idle(f, week.days)) else self._kind_text(kind, w, rehab=not any(
                    f.st[i] == FIT for i in week.days), mixed=any(
                    f.st[i] not in (FIT, INJ) for i in week.days), f=f), idle=idle,
            block=self._block(w),
            stage=stage,
            limits=limits, milestone=milestone,
            matches=tuple(self._match_line(f, i) for i in week.days
                          if tl.is_comp[i] and i < f.gone),
            days=days if gone is None else tuple(
                replace(d, stage="") if i >= gone else d
                for i, d in zip(week.days, days, strict=True)),
            speed_days=sum(1 for i in week.days if f.it[i] >= SPEED_DAY),
            # a match is not an exempt goalkeeper's HV exposure (his day says "the match is
            # your session"): only his HV sessions count
            hv_exposures=f.hv_exposures(week.days), hv_exempt=f.exempt,
            planned_load=self._planned_load(f, [sessions[i] for i in week.days], week.days),
            anonymised=self.anonymise,
            played=sum(1 for i in week.days if f.played[i]),
            matches_played=sum(f.matches_played(i) for i in week.days),
            past="past" if week.last < tl.p0 else "partly past" if week.first < tl.p0 else "",
            today=tl.days[tl.p0] if week.first < tl.p0 <= week.last else None,
            pain_rule=" ".join(dict.fromkeys(player_pain_rule(r) if self.to_player else r
                                             for r in rules)), run_rule=run_rule,
            for_player=self.to_player,
        )

    def _still_provisional(self, f: AthleteFacts, prov: list, w: int) -> str:
        """`` — provisional: the move S3 → FIT (Tue 12 Jan) waits on …, not passed yet.`` for the
        first week all in full training after a provisional return in the week before (that
        week's Next line says it; the next one read "Fit: full training." above 95 % sprints
        the physio still had to clear), else ""."""
        ret = self._returns.get(f.id)
        week, tl = self.tl.weeks[w], self.tl
        if ret is None or not ret.provisional or ret.fit is None or w == 0:
            return ""
        back = (ret.fit - tl.start).days
        if back not in tl.weeks[w - 1].days or not prov[back] or any(
                f.st[i] != FIT for i in week.days):
            return ""
        return f" — provisional: {self._waits_week(prov[back])}{self._not_passed(f, prov[back])}."

    def _untested_back(self, f: AthleteFacts, w: int) -> str:
        """`` — recorded without a passing test (S3's Hip-flexor strength LSI (≥ 90 %)).`` (the
        player's page: `` — your return test is still to pass.``) for a week in full training
        from a return recorded without a passing test up to ``RECENT_RETURN_DAYS`` after it, as
        the workbook's Returns sheet says it; else "". The stage line read "Fit: full training."
        as for a return every test had passed."""
        from planner.progress import RECENT_RETURN_DAYS
        from planner.returns import untested_returns

        if self._untested is None:
            self._untested = {r.athlete: r for r in untested_returns(self.season, self.plan)}
        ret = self._untested.get(f.id)
        week = self.tl.weeks[w]
        if ret is None or not any(f.st[i] == FIT and self.tl.days[i] >= ret.fit
                                  for i in week.days):
            return ""
        if (self.tl.days[week.first] - ret.fit).days > RECENT_RETURN_DAYS:
            return ""
        if self.to_player:
            return " — your return test is still to pass."
        return f" — {ret.provisional_words(named=not self.anonymise)}."

    def _pain_rules(self, f: AthleteFacts, sessions, days) -> list[str]:
        """The pain rules the week's rehab sessions say, in the words their content holds."""
        from planner.sessions import PAIN_RULE_DEFAULT

        out = []
        for i in days:
            proto = f.proto_of(i) if f.st[i] in REHAB_STAGES else None
            if proto is None:
                continue
            rule = PAIN_RULE_DEFAULT if self.anonymise or not proto.pain_rule else proto.pain_rule
            if rule in sessions[i].content:
                out.append(rule)
        return out

    def _day(self, f: AthleteFacts, sessions, prov, i: int, rules=()) -> HandoutDay:
        tl = self.tl
        comps = "; ".join(f"{c.name} ({c.priority})" for c in tl.comp_on[i])
        role = None
        if tl.is_comp[i]:
            role = ("start" if f.it[i] == PLAY_LEVEL["start"] else "bench") if f.played[i] else "out"
        # today's session logged (Move Today's import): said on its row as a past day's is,
        # as the week's load counts it
        logged = self._logged(f.id).get(tl.days[i]) if i <= tl.p0 else None
        past, today = i < tl.p0, i == tl.p0 and logged is not None
        ap = self.plan.for_athlete(f.id) if past else None
        planned = planned_level(self.season, ap, tl.days[i], tl) if ap is not None else None
        if planned is not None and not went_otherwise(f.st[i], planned, f.it[i]):
            planned = None  # under a fit day's ceiling: as planned (planner.history)
        rec = f.records[f.gov[i]] if past and f.gov[i] is not None else None
        # the session the injury happened in, or the one that flared up, is no breach of the
        # stage it starts (as 'periodize log', the Cover and the inspector read it)
        started = rec is not None and (tl.days[i] == rec.onset or (
            tl.days[i] in rec.flare_ups and f.session_stage(i) != f.st[i]))
        cap = f.cap(i) if past and f.st[i] not in (FIT, INJ) and not started else None
        session = sessions[i]
        if logged is not None and past and not planned and session.as_logged and not session.hurt \
                and f.it[i] and ap.planned_stages.get(tl.days[i], f.st[i]) == f.st[i] \
                and tl.days[i] >= self._known_from():
            # logged above the stage at the level planned (97 % in S2 counts as its 95 %, as
            # planned): the session planned said beside the log as on any past day logged (the
            # row lost its "Planned: Rehab S2", its target speed and its limits); not a day the
            # plan only took from the log (planned from a later day: nothing was planned) nor
            # one a flare-up recorded afterwards moved to another stage
            planned_at = f.it[i]
        else:
            planned_at = planned
        waits = self._waits_words(prov[i]) if prov[i] else ("", "")
        for rule in rules:  # said once, in the week's Pain row
            if rule in session.content:
                session = replace(session, content=" ".join(
                    session.content.replace(rule, " ").split()))
        return HandoutDay(date=tl.days[i], md=tl.day_label(i, "\n"), stage=f.st[i], intensity=f.it[i],
                          session=session, competitions=comps, role=role,
                          provisional=bool(prov[i]),
                          waits_move=waits[0], waits_tests=waits[1],
                          logged_minutes=None if logged is None else logged.minutes,
                          logged_load=None if logged is None else logged.au,
                          logged_rpe=None if logged is None else logged.rpe,
                          planned_level=planned, cap=cap,
                          pain=None if logged is None else logged.pain,
                          flare_mark=self._flare_marks().get((f.id, tl.days[i])) if past else None,
                          alert_mark=self._flare_marks(alerts=True).get((f.id, tl.days[i]))
                          if past else None,
                          flare_recorded=past and any(tl.days[i] in r.flare_ups
                                                      for r in self.season.injuries_of(f.id)),
                          planned_words=self._planned_zero(f, i) if planned == 0 else "",
                          logged_top=None if logged is None or logged.top_pct is None
                          else round(logged.top_pct, 1),
                          played=None if logged is None or not tl.is_comp[i] else logged.played,
                          calm_cap=self._calm(f).get(i) if past else None,
                          planned_au=self._planned_au(f, i) if logged is not None else None,
                          note=self._notes_of(f.id).get(tl.days[i], "") if past or today else "",
                          counted_why=counted_lower_why(logged, f.it[i], f.st[i], tl.is_comp[i])
                          if past or today else "",
                          planned_session=session if today else self.p.planned(f, i, planned_at)
                          if logged is not None and planned_at else None, today_logged=today)

    def _known_from(self) -> dt.date:
        """The first day the plan planned (:func:`planner.loadtable.known_from`): the days
        before it hold what was logged, nothing planned."""
        if self._known is None:
            s = self.season
            self._known = known_from(s if s.plan is self.plan else s.model_copy(update={"plan": self.plan}))
        return self._known

    def past_day(self, athlete: str, i: int) -> HandoutDay | None:
        """Day ``i`` (before today) of ``athlete`` as the handout's row has it: what was logged,
        beside what was planned (the calendar says it as the handout does)."""
        sessions, f = self.sessions(athlete), self.p.facts(athlete)
        if sessions is None or f is None or i >= self.tl.p0:
            return None
        return self._day(f, sessions, [None] * self.tl.n, i)

    def _notes_of(self, athlete: str) -> dict[dt.date, str]:
        """The athlete's logged notes by day (none on an anonymised page: a note may name anyone)."""
        if athlete not in self._notes:
            by: dict[dt.date, list[str]] = {}
            if not self.anonymise:
                for x in self.season.sessions:
                    if x.athlete == athlete and x.note and x.note.strip():
                        by.setdefault(x.date, []).append(" ".join(x.note.split()))
            self._notes[athlete] = {d: _short("; ".join(v)) for d, v in by.items()}
        return self._notes[athlete]

    def _planned_zero(self, f: AthleteFacts, i: int) -> str:
        """What a past day planned at 0 was: away, out of the squad on a match day, a recovery
        session on a fit athlete's training day (the board's ring), else a day off; in rehab, the
        stage's session without running."""
        tl = self.tl
        if f.st[i] != FIT:
            return "no running"
        if i in f.off:
            return "no running (away)"
        if tl.is_comp[i]:
            return "not to play (out of the squad)"
        if tl.trains(i, True, False):
            return "no running (a recovery session)"
        return "a day off"

    def _flare_marks(self, alerts: bool = False) -> dict:
        """(athlete, day) -> the protocol's flare-up mark, for the logged pains that propose a
        flare-up not recorded (planner.progress), read once; with ``alerts`` the alert mark of
        the pains that propose none (a fit player's)."""
        if self._proposed is None:
            from planner.progress import flare_proposals, pain_alerts

            self._proposed = {(p.athlete, p.date): p.threshold for p in flare_proposals(self.season)}
            self._alerted = {(p.athlete, p.date): p.threshold for p in pain_alerts(self.season)}
        return self._alerted if alerts else self._proposed

    def _logged(self, athlete: str) -> dict:
        """The athlete's logged days (planner.history), read once."""
        got = self._logs.get(athlete)
        if got is None:
            got = self._logs[athlete] = logged_days(self.season, athlete)
        return got

    def _match_line(self, f: AthleteFacts, i: int) -> str:
        """``Sat 30 Jan: M1 (B) / M2 (B), you start``; with another role in each of the day's
        competitions, each one's: ``M1 (B), you start; M2 (B), not in the squad``."""
        tl = self.tl
        logged = self._logged(f.id)
        roles = [match_role(f, i, logged, c) for c in tl.comp_on[i]]
        if len(set(roles)) > 1:
            return f"{text.day(tl.days[i])}: " + "; ".join(
                f"{c.name} ({c.priority}), {r}" for c, r in zip(tl.comp_on[i], roles, strict=True))
        names = " / ".join(f"{c.name} ({c.priority})" for c in tl.comp_on[i])
        return f"{text.day(tl.days[i])}: {names}, {match_role(f, i, logged)}"

    def _kind_text(self, kind: str, w: int, rehab: bool = False, mixed: bool = False,
                   f: AthleteFacts | None = None) -> str:
        own = self._own_week(f, kind, w) if f is not None and kind != "load" and not rehab else ""
        text_ = self._kind_words(kind, w, rehab, own, exempt=f is not None and f.exempt)
        if mixed and not rehab and kind != "load":
            # the week's kind shortens team sessions only: a rehab day keeps its stage's session
            text_ += "; on your rehab days your stage's sessions stay as long as in any week"
        return text_

    def _kind_words(self, kind: str, w: int, rehab: bool, own: str = "", exempt: bool = False) -> str:
        if rehab:  # a week wholly in rehab: the stage's sessions, whatever the week's kind
            cap = int(self.rs.value("HV-2", "max_speed_days_deload" if kind == "deload"
                                    else "max_speed_days"))
            # the athlete's own kind where the team's differs: "Team deload week" was printed
            # for a rehab player's own deload while the team was on a load week
            team = self.plan.team_weeks[w] if w < len(self.plan.team_weeks) else kind
            own = f"Your {kind} week (the team's week is a {team} week)" if team != kind else ""
            if kind == "deload":  # a speed day fewer, the rehab as long
                # ("Deload week" read as a lighter week beside a load above the week before's)
                return (f"{own or 'Team deload week'}: at most {text.plural(cap, 'speed day')}; "
                        f"your rehab sessions keep their length" + (
                            # the player's own deload: the tail took a line more and set
                            # Isaac Boateng's provisional page in 8 pt
                            "" if own else ", so your week's load need not be lower"))
            # a load or taper week of the player's own says no team's kind: as it was (the
            # team's kind beside it took a line more and set a rehab page in 7 pt)
            return (f"{kind.capitalize()} week: your stage's rehab sessions, as long as in any "
                    f"other week; at most {text.plural(cap, 'speed day')}")
        if kind == "deload":
            cap = int(self.rs.value("HV-2", "max_speed_days_deload"))
            table = LoadTable.of(self.rs)
            # with his own figure said, the team sessions' "40 % less volume" would read as his
            volume = "" if own else f" ({table.volume_words('deload')})"
            lead = f"Deload week{own}; at most" if own else "Deload week: at most"
            return (f"{lead} {text.plural(cap, 'speed day')} ({self._matches_count}), team sessions of "
                    f"{table.minutes['deload']:g} minutes{volume}, as many as in a load week")
        if kind == "taper":
            tapers = self.tl.taper_weeks(int(self.rs.value("TP-1", "taper_weeks")))
            comp = tapers.get(w)
            before = f" before {comp.name} ({text.day(comp.date)})" if comp is not None else ""
            # the team's intensity is its HV work, which HV-1 asks not of a goalkeeper: "intensity
            # kept" stood over his "0 HV exposures"
            kept = "short sessions" if exempt else "intensity kept"
            return (f"Taper week{before}{own}; {kept}" if own
                    else f"Taper week{before}: {kept}" + ("" if exempt else ", shorter team sessions"))
        cap = int(self.rs.value("HV-2", "max_speed_days"))
        week = self.tl.weeks[w]
        finals = [c for i in week.days for c in self.tl.comp_on[i]
                  if c.priority == "A" and c.date == self.tl.days[i]]
        if finals:  # TP-1: the taper weeks are the ones before; this one is a load week
            c = finals[0]
            taper = ("the taper is the week(s) before (TP-1)" if w > 0 and self.tl.taper_weeks(
                int(self.rs.value("TP-1", "taper_weeks"))).get(w - 1) is not None
                     else "no taper week before it in the season")
            return (f"Week of {c.name} ({text.day(c.date)}, A): load-week sessions, {taper}; "
                    f"at most {text.plural(cap, 'speed day')} ({self._matches_count})")
        return f"Load week: normal training, at most {text.plural(cap, 'speed day')} ({self._matches_count})"

    @property
    def _matches_count(self) -> str:
        """How a fit week's matches count against its speed days, to the player or the staff."""
        return MATCHES_COUNT_PLAYER if self.to_player else MATCHES_COUNT

    def _block(self, w: int) -> str:
        week = self.tl.weeks[w]
        first, last = self.tl.days[week.first], self.tl.days[week.last]
        names = [b for b in self.season.blocks if b.start <= last and b.end >= first]
        return "; ".join(b.name + (f": {b.emphasis}" if b.emphasis else "") for b in names)

    def _stage_line(self, f: AthleteFacts, sessions: Sequence[Prescription], w: int) -> tuple[str, str]:
        """The week's stage(s) in words and the limits of its one stage (a week with a stage
        change says each stage's limits after its words, and returns no separate limits)."""
        week = self.tl.weeks[w]
        runs: list[tuple[str, int]] = []
        for i in week.days:
            if not runs or runs[-1][0] != f.st[i]:
                runs.append((f.st[i], i))
        parts = []
        for k, (st, i) in enumerate(runs):
            words = (self._stage_words(f, st, i) + self._restarted_words(f, i, week.days[-1])
                     + self._stepped_words(f, i, week.days[-1]))
            limits = self._run_limits(f, sessions, i, week.days[-1])
            if len(runs) > 1 and st != FIT and limits:
                # each stage with its own limits: after the second stage's words, the first's
                # read as the new stage's ("medium kicks" beside a Friday of "full kicks")
                words += f" Limits: {limits}."
            parts.append(words if k == 0 else f"From {text.day(self.tl.days[i])}: {words}")
        if len(runs) > 1:
            return " ".join(parts), ""
        return " ".join(parts), (self._run_limits(f, sessions, week.first, week.days[-1])
                                 if f.st[week.first] != FIT else "")

    def _run_limits(self, f: AthleteFacts, sessions: Sequence[Prescription], i: int, last: int) -> str:
        """The limits of the stage held from day ``i`` (to ``last``): the stage's own, never
        another day type's (a flare-up's or calm day's "none" read as S2's beside S2's "medium
        kicks", a rest day's as a week of calm days'), nor a stepped-down day's (the step-down
        is said in the stage's words); when every session of it that week is a flare-up's or a
        calm day, those said as theirs."""
        run = [j for j in range(i, last + 1) if f.st[j] == f.st[i]]
        # not the session that flared up, run in the stage before (S3's limits under S2)
        own = [j for j in run if sessions[j].stage == f.st[j]]
        calm = [j for j in own if sessions[j].context in ("flare-up", "calm")]
        if calm and all(sessions[j].context in KEEP_OWN_LIMITS for j in own):
            return self._calm_limits(sessions, calm)
        spec = self.p.stage_spec(f, i)
        if spec is not None and (limits := stage_limits(spec)):
            # every training day of the week stepped down after a flare-up: the limits that
            # hold on them, the stage's own only as what follows ("full kicks; reactive" read
            # as the week's limit above days of medium kicks)
            step = self.p.stepped_down_run(f, i)
            train = [j for j in own if sessions[j].context not in KEEP_OWN_LIMITS]
            if step is not None and train and set(train) <= set(step.days):
                then = (f", then {f.st[i]}'s own: {limits}" if step.days[-1] <= last
                        and step.after is not None and step.after[1] == f.st[i] else "")
                return f"{stage_limits(step.spec)} ({step.spec.id}'s){then}"
            return limits
        usual = next((j for j in own if sessions[j].context not in KEEP_OWN_LIMITS), (own or [i])[0])
        return sessions[usual].limits

    def _calm_limits(self, sessions: Sequence[Prescription], days: list[int]) -> str:
        """The limits of a flare-up's day and calm days (``days``) as theirs, each day type named
        as it is: the flare-up's own day's "no kicking" was said of "the calm days after the
        flare-up" above a calm day whose row read "Kicking: short passes"."""
        groups: dict[tuple[str, str], list[int]] = {}
        for j in days:
            groups.setdefault((sessions[j].kicking, sessions[j].cod), []).append(j)
        out = []
        for (kick, cod), js in groups.items():
            said = (("no kicking" if kick == "none" else f"kicking: {kick}") + ", "
                    + ("no change of direction" if cod == "none" else f"change of direction: {cod}"))
            who = ["the flare-up's day"] if any(sessions[j].context == "flare-up" for j in js) else []
            calm = [j for j in js if sessions[j].context == "calm"]
            if calm and len(groups) == 1 and len(calm) >= self.p.calm:  # RH-FL's every calm day
                who.append(text.plural(len(calm), "calm day").join(("the ", " after it" if who
                                                                     else " after the flare-up")))
            elif calm:  # calm days of different limits: each named
                who.append(("the calm days " if len(calm) > 1 else "the calm day ")
                           + text.join_and([text.day(self.tl.days[j]) for j in calm]))
            out.append(f"{said} on {' and '.join(who)}")
        return "; ".join(out)

    def _restarted_words(self, f: AthleteFacts, i: int, last: int) -> str:
        """`` After the flare-up of Tue 1 Dec, P1 starts again.``: a flare-up that kept the stage
        held from day ``i`` (to ``last``; one in P1, the first stage) restarts it, which the week
        said nowhere (a flare-up that steps back is said by its stage change and step-down)."""
        st = f.st[i]
        j = next((j for j in range(max(i, 1), last + 1) if f.st[j] != st), last + 1)
        kept = [k for k in range(max(i, 1), j) if k in f.flared and f.st[k - 1] == st]
        return "".join(f" After the flare-up of {text.day(self.tl.days[k])}, {st} starts again."
                       for k in kept if st in REHAB_STAGES)

    def _stepped_words(self, f: AthleteFacts, i: int, last: int) -> str:
        """After a flare-up, the days of the stage held from day ``i`` (to ``last``) whose
        kicking and change of direction are the stage's before it (``Prescriber.stepped_down_run``):
        the stage's words read "full kicks" above a Limits line of medium kicks."""
        run = self.p.stepped_down_run(f, i)
        said = run.sentence(self.tl, f.st[i], last) if run is not None else ""
        return f" {said}" if said else ""

    def _stage_words(self, f: AthleteFacts, st: str, i: int) -> str:
        if st == FIT:
            return "Fit: full training."
        if st == INJ:
            return "Injured: no running until the first rehab stage."
        cap = f.cap(i)
        run = "no running" if cap == 0 else f"running up to {cap} %"
        spec = self.p.stage_spec(f, i)
        if self.anonymise or spec is None:
            return f"{st}: {run}."
        return f"{st} {spec.title}: {run}. {spec.content}".rstrip()

    # -- the next milestone ------------------------------------------------------------------
    def _milestone(self, f: AthleteFacts, w: int) -> str:
        tl = self.tl
        week = tl.weeks[w]
        i = week.first
        st = f.st[i]
        ret = self._returns.get(f.id)
        if st == FIT:
            # injured (or flared up after the return) during the week: what comes next is the
            # stage's (the injury week's page read only "Sat 3 Apr: League match 32, in rehab,
            # not playing")
            i = next((j for j in week.days if f.st[j] in REHAB_STAGES), i)
            st = f.st[i]
        if st in REHAB_STAGES:
            return self._stage_milestone(f, i, week.last, ret)
        if st == INJ:
            nxt = self._next_change(f, i)
            return ("Injured: the first rehab stage starts when the medical staff record it"
                    + (f"; planned {nxt[0]} from {text.day(tl.days[nxt[1]])}" if nxt else ""))
        back = next((j for j in week.days if f.back[j] is not None and not f.ready[j]), None)
        if back is not None:
            need = int(self.rs.value("RE-1", "team_sessions"))
            done = f.done[back]
            # a match logged played since the return (before the sessions were done): the
            # sessions come before the next match, not a "first match" gone by
            early = any(f.played[j] for j in range(f.back[back], back))
            mine = ret is not None and ret.fit == tl.days[f.back[back]] and not early
            first = ret.first_match if mine else None
            return (f"Back in full training: {text.plural(need, 'team session')} before your "
                    f"{'next' if early else 'first'} match ({done} done)"
                    + (f"; first match planned "
                       f"{first_match_day_words(first, ret.first_role, ret.first_start, text.day)}"
                       if first else ""))
        return self._next_match(f, week.last)

    def _stage_milestone(self, f: AthleteFacts, i: int, last: int, ret) -> str:
        tl = self.tl
        nxt = self._next_change(f, i)
        # the stage left this week, before today: what it took to leave it is history (a
        # week-5 page read "1 session at 100 % to leave S3 … Wed 2 Sep at the earliest" for a
        # player back on that Wednesday)
        left = nxt is not None and nxt[1] < tl.p0 and nxt[1] <= last
        parts = [] if left else self._exit_parts(f, i)
        if left and nxt[0] in REHAB_STAGES:
            # the next stage began this week, before today: what it takes to leave that one
            # (the page read only "S1 from Wed 12 Aug", nothing of S1's days or S2)
            j = nxt[1]
            parts.append(f"{nxt[0]} from {text.day(tl.days[j])}"
                         + (" (flare-up)" if j in f.flared else ""))
            k = max(j, min(tl.p0, last))
            parts += self._exit_parts(f, k if f.st[k] == f.st[j] else j)
            nxt = self._next_change(f, j)
        if nxt is not None and nxt[0] == FIT and nxt[1] <= last and (
                ret is None or ret.fit != tl.days[nxt[1]]):
            # back this week, a return the Returns no longer list (back before today)
            parts.append(f"back to full training from {text.day(tl.days[nxt[1]])}")
        if nxt is not None and nxt[0] != FIT:
            when = text.day(tl.days[nxt[1]])
            if nxt[1] < tl.p0:  # it happened: a past week says so, not "planned"
                parts.append(f"{nxt[0]} from {when}" + (" (flare-up)" if nxt[1] in f.flared else ""))
            elif f.rec_days.get(nxt[1], (None,))[0] == nxt[0]:
                # the physio's record, not the plan's move (it read "planned: P2 from Tue 1 Dec"
                # beside "the next stage from Wed 2 Dec at the earliest")
                parts.append(f"recorded: {nxt[0]} from {when}" + self._before_minimum(f, nxt[1] - 1))
            else:
                parts.append(f"planned: {nxt[0]} from {when}")
        if ret is not None and ret.fit is not None:
            need = int(self.rs.value("RE-1", "team_sessions"))
            back = ret.back_words(text.day)  # the first team session he can join
            between = self._setback_between(f, i, ret.fit)
            if between is not None:
                # back, then a flare-up before this return: "back to full training from Wed 2
                # Sep; back to full training Fri 25 Sep" read as two contradictory dates
                earlier, setback = between
                if not parts or not parts[-1].startswith("back to full training from "):
                    parts.append(f"back to full training {text.day(tl.days[earlier])}")
                back = f"{setback}, {ret.back_words(text.day, again=True)}"
            # a stage recorded without a passing test (the provisional days say what they wait
            # on, row by row)
            # (the staff's page alone: on the player's, beside the return, it read as if the
            # return were recorded; the provisional days say what they wait on)
            if not self.to_player:
                back = with_note(back, back_note(False, (), ret.untested,
                                                 named=not self.anonymise))
            if need:
                back += f", then {text.plural(need, 'team session')} before the first match"
            if ret.first_match is not None:
                # the returner eased in from the bench: "before the first match (Sat 5 Sep)"
                # read as a start
                back += (f" ({text.day(ret.first_match)}"
                         + (", off the bench" if ret.first_role == "bench" else "") + ")")
            parts.append(back)
            if ret.first_match is None:  # "before the first match" read as if one were to come
                parts.append(ret.no_match_words())
        # a target missed before this week's page is history there (a week-13 page read
        # "target Derby (home) (Sat 17 Oct): not reached in this plan (…)" nine days after it)
        if ret is not None and ret.target is not None and not (
                ret.target_missed and ret.target_date < tl.days[tl.weeks[tl.week_of[i]].first]):
            # a target the log has him playing while the records have him in rehab: the staff
            # read why it is worth a word with the physio, the player what he did
            met = (ret.target_played_words(self.to_player) or "played before the setback"
                   if ret.target_before_setback or ret.target_rehab
                   else "on track" if ret.target_met else "not reached in this plan" + (
                       f" ({ret.missed_why})" if ret.target_missed and ret.missed_why else ""))
            parts.append(f"target {ret.target} ({text.day(ret.target_date)}): {met}")
        out = "; ".join(parts)
        return out[:1].upper() + out[1:]

    def _setback_between(self, f: AthleteFacts, i: int, fit: dt.date) -> tuple[int, str] | None:
        """A return before ``fit`` from day ``i`` on and what sent the athlete back to rehab
        after it: (its day, ``flare-up Thu 10 Sep (back to S3)``); None when ``fit`` is the
        first return from ``i``."""
        tl = self.tl
        stop = min((fit - tl.start).days, tl.n)
        earlier = next((j for j in range(i, stop) if f.st[j] == FIT), None)
        j = None if earlier is None else next(
            (j for j in range(earlier, stop) if f.st[j] != FIT), None)
        if j is None:
            return None
        what = "flare-up" if j in f.flared else "setback"
        return earlier, f"{what} {text.day(tl.days[j])} (back to {f.st[j]})"

    def _exit_parts(self, f: AthleteFacts, i: int) -> list[str]:
        """What it takes to leave the stage held on day ``i``: sessions at the cap, the minimum
        days, the tests to pass."""
        st = f.st[i]
        spec = self.p.stage_spec(f, i)
        if spec is None:
            return []
        since = self._run_start(f, i)
        start = max(self._run_first(f, i), f.idx(since))
        parts: list[str] = []
        if spec.exit_kind == "days_at_cap":
            cap = spec.cap
            done = sum(1 for j in range(start, i) if f.it[j] >= cap and j not in f.flared)
            need = max(0, spec.exit_days - done)
            if need:
                parts.append(f"{text.plural(need, 'session')} at {cap} % to leave {st}"
                             + (f" ({done} done)" if done else ""))
        rec = f.records[f.gov[i]] if f.gov[i] is not None else None
        return parts + self._earliest_parts(f, i, spec, rec, since)

    @staticmethod
    def _run_first(f: AthleteFacts, i: int) -> int:
        """The first day of the run of the stage held on day ``i``."""
        start = i
        while start > 0 and f.st[start - 1] == f.st[i]:
            start -= 1
        return start

    def _run_start(self, f: AthleteFacts, i: int) -> dt.date:
        """The day the run of the stage held on day ``i`` counts its minimum from
        (rehab.stage_since, as the stage rules' "Day 1 of P1 (started …)" and explain --return
        read it): its first day, a flare-up that kept the stage (one in P1), or its recorded
        start when the run began before the season."""
        first = self._run_first(f, i)
        rec = f.records[f.gov[i]] if f.gov[i] is not None else None
        if rec is None:
            return self.tl.days[first]
        # the run's last day: a flare-up later in the week that kept the stage restarted it
        nxt = self._next_change(f, i)
        last = (nxt[1] if nxt is not None else self.tl.n) - 1
        return stage_since(rec, f.protos[f.gov[i]], f.st[i], self.tl.days[first],
                           self.tl.days[last], self.tl.days[0])

    def _before_minimum(self, f: AthleteFacts, i: int) -> str:
        """`` (before P1's minimum of 3 days)`` when the stage held on day ``i`` is left the day
        after it, before its minimum days; empty otherwise."""
        spec = self.p.stage_spec(f, i) if i >= 0 else None
        if spec is None:
            return ""
        first = self._run_start(f, i)
        if (self.tl.days[i + 1] - first).days >= spec.min_days:
            return ""
        return f" (before {f.st[i]}'s minimum of {text.plural(spec.min_days, 'day')})"

    def _earliest_parts(self, f: AthleteFacts, i: int, spec, rec, run_start: dt.date) -> list[str]:
        """The earliest day of the next stage: the minimum days from ``run_start``, a failed test
        holding the stage until the retest (RH-CRIT), the tests still to pass."""
        st, today = f.st[i], self.tl.days[i]
        earliest = run_start + dt.timedelta(days=spec.min_days)
        until, failing = (None, []) if rec is None or not spec.criteria else gate(
            rec, f.protos[f.gov[i]], st, run_start, tests_until(today),
            int(self.rs.value("RH-CRIT", "retest_days")))
        hold = until if until is not None and until > today else None
        # after the protocol's last stage comes full training, not a "next stage"
        proto = f.protos[f.gov[i]] if f.gov[i] is not None else None
        nxt = ("full training" if proto is not None and proto.stage_ids[-1] == st
               else "the next stage")
        parts: list[str] = []
        if hold is not None and self.anonymise:  # the tests unnamed: the day alone
            parts.append(f"{nxt} from {text.day(max(earliest, hold))} at the earliest")
        elif earliest > today and not (hold is not None and hold >= earliest):
            # a flare-up that kept the stage restarted it: "from Sun 29 Nov" (the stage's start)
            # beside "Day 1 of P1 (started Tue 1 Dec)" invited a move the day after the flare-up
            since = (f"the flare-up of {text.day(run_start)}"
                     if rec is not None and run_start in rec.flare_ups else text.day(run_start))
            parts.append(f"{st} lasts at least {text.plural(spec.min_days, 'day')} from "
                         f"{since}: {nxt} from {text.day(earliest)} at the earliest")
        if not spec.criteria or self.anonymise:
            return parts
        if hold is not None:
            # a failed result holds the athlete until the retest: the earliest day said was the
            # minimum's alone, and the result read "not passed yet"
            parts.append(f"failed: {failed_words(failing, show=text.day)}: retest, and the next "
                         f"stage, from {text.day(hold)} at the earliest")
        elif rec is None or not passes_all(rec, f.protos[f.gov[i]], st, run_start,
                                           tests_until(today)):
            parts.append(f"pass: {', '.join(c.mark for c in spec.criteria)}")
        return parts

    def _next_change(self, f: AthleteFacts, i: int) -> tuple[str, int] | None:
        st = f.st[i]
        j = next((j for j in range(i + 1, self.tl.n) if f.st[j] != st), None)
        return None if j is None else (f.st[j], j)

    def _next_match(self, f: AthleteFacts, last: int) -> str:
        tl = self.tl
        j = next((j for j in range(last + 1, tl.n) if tl.is_comp[j]), None)
        left = left_on(self.season, f.id)
        if left is not None and (j is None or tl.days[j] >= left):
            # a leaver's next match is one he is gone for: "away" under it read as an away game
            if left <= tl.days[last] + dt.timedelta(days=1):
                return leaving_words(left)
            return f"No match before you leave the squad on {text.day(left)}"
        if j is None:
            return ""
        # a week with matches of its own lists them in its Matches row: the next match, printed
        # as "Next" right above them, read as one of this week's
        week = tl.weeks[tl.week_of[last]]
        after = "After this week: " if any(tl.is_comp[i] for i in week.days) else ""
        return after + self._match_line(f, j)



def leaving_words(left: dt.date, rehab: bool = False) -> str:
    """The last week's line of a player who leaves the squad on ``left``: "Last week with the
    squad: you leave on Thu 20 Aug"; in rehab (``rehab``) the page is the hand-over, "…; take
    this page to your next physio"."""
    return (f"Last week with the squad: you leave on {text.day(left)}"
            + ("; take this page to your next physio" if rehab else ""))


def _week_load(days: list[Prescription]) -> float | None:
    """The week's load as the prescriptions give it (None if a day has none)."""
    loads = [planned_load(d) for d in days]
    if any(v is None for v in loads):
        return None
    return float(sum(loads))


def away_runs(weeks: list[HandoutWeek]) -> list[HandoutWeek]:
    """``weeks`` with each run of consecutive weeks away for one reason as one week (one page:
    "Away all 8 weeks (Loan): nothing planned"), not a page a week saying nothing."""
    out: list[HandoutWeek] = []
    for w in weeks:
        prev = out[-1] if out else None
        if not (w.away and prev is not None and prev.away and prev.athlete == w.athlete
                and max(prev.week, prev.last_week) + 1 == w.week and prev.away == w.away
                and prev.stage == w.stage):
            out.append(w)
            continue
        last = w.week
        pasts = {prev.past, w.past}
        out[-1] = replace(
            prev, last=w.last, last_week=last, days=prev.days + w.days,
            kind_text=f"Away {_all_weeks(last - prev.week + 1)} ({w.away}): nothing planned",
            past=pasts.pop() if len(pasts) == 1 else "partly past", today=prev.today or w.today,
            block=prev.block if prev.block == w.block else "")
    return out


def _all_weeks(n: int) -> str:
    """``both weeks`` or ``all 8 weeks``: a run of weeks away ("all 2 weeks" read oddly)."""
    return "both weeks" if n == 2 else f"all {n} weeks"


def handout_weeks(season: Season, plan: Plan, athletes: list[str] | None = None,
                  weeks: list[int] | None = None, *, anonymise: bool = False) -> list[HandoutWeek]:
    """Handout weeks for ``athletes`` (ids, in the given order; None: the squad's display order)
    and ``weeks`` (0-based indexes; None: all), athlete by athlete; none for an athlete who left
    the squad before those weeks or joins it after them (:func:`gone_before`), and none of the
    weeks after he left or wholly before he joined (a page "Away both weeks (left the squad)"
    was paper to hand a player who had gone, "Week 19 · not yet here" one to hand a signing);
    nor, of several weeks, those wholly in the team's days off (:func:`idle_left_out`)."""
    from planner.squad import display_ids

    h = Handouts(season, plan, anonymise=anonymise, to_player=True)
    if idle := idle_left_out(season, weeks):
        weeks = [w for w in (range(len(h.tl.weeks)) if weeks is None else weeks) if w not in idle]
    gone = gone_before(season, weeks)
    ids = athletes if athletes is not None else display_ids(season, plan)
    out: list[HandoutWeek] = []
    for aid in ids:
        if aid not in gone:
            left = left_on(season, aid)  # his weeks after he left: no page to print and hand out
            joins = joined_on(season, aid)  # nor his weeks before he joined
            out.extend(w for w in h.weeks(aid, weeks)
                       if not (w.away and left is not None and w.first >= left)
                       and not (w.away and joins is not None and w.last < joins))
    return out


def weeks_words(season: Season, weeks: list[int] | None) -> str:
    """``week 12, 14-20 Dec 2026`` or ``weeks 14-15, 5-18 Apr 2027``: the weeks chosen (0-based,
    in order, as ``--weeks`` gives them); "" for the whole season (None)."""
    if not weeks:
        return ""
    tl = Timeline(season)
    first, last = tl.weeks[weeks[0]], tl.weeks[weeks[-1]]
    which = f"week {weeks[0] + 1}" if len(weeks) == 1 else f"weeks {weeks[0] + 1}-{weeks[-1] + 1}"
    return f"{which}, {text.span(tl.days[first.first], tl.days[last.last])}"


def gone_before(season: Season, weeks: list[int] | None = None) -> dict[str, dt.date]:
    """The athletes who left the squad before ``weeks`` (0-based indexes; None: the season), or
    join it after them, and are not with it on any of their days: ID -> the day he left or
    joins (:func:`gone_label`). No handout is his: a page "Away all 4 weeks" was paper for a
    sold player, "not yet here" one for a signing."""
    from planner.squad import gone_between, joins_after

    tl = Timeline(season)
    if weeks is not None and not weeks:
        return {}
    first = tl.days[tl.weeks[min(weeks)].first] if weeks else tl.start
    last = tl.days[tl.weeks[max(weeks)].last] if weeks else tl.end
    return {**gone_between(season, first, last), **joins_after(season, first, last)}


def away_left_out(season: Season, athletes: list[str], weeks: list[int] | None = None, *,
                   anonymise: bool = False) -> dict[str, str]:
    """Of ``athletes`` (IDs) chosen together (the whole squad, a group), those with the squad
    (not :func:`gone_before`) but away every day of ``weeks`` (0-based; None: the season), with
    nothing logged on any: ID -> why (the absences' reasons, "Loan to Harbour Town"). Their
    page would read "Away all week: nothing planned", paper for a player who is not at the club,
    so the whole squad's handouts leave them out; one athlete chosen alone keeps his page ({})."""
    tl = Timeline(season)
    chosen = range(len(tl.weeks)) if weeks is None else weeks
    days = [i for w in chosen for i in tl.weeks[w].days]
    if len(athletes) < 2 or not days:
        return {}
    gone = gone_before(season, weeks)
    out = {}
    for aid in athletes:
        off = tl.unavailable(aid)
        if aid in gone or not all(i in off for i in days):
            continue
        logged = logged_days(season, aid)
        if not any(tl.days[i] in logged for i in days):
            out[aid] = ", ".join(dict.fromkeys(away_reason(season, aid, tl.days[i], anonymise)
                                               for i in days))
    return out


def idle_weeks(season: Season, weeks: list[int] | None = None,
               tl: Timeline | None = None) -> dict[int, str]:
    """The weeks of ``weeks`` (0-based; None: the season) wholly in the team's days off: no
    training day and no competition for anyone, nothing logged on any day (a winter break):
    index -> the days off's reasons ("Winterpause"). Every page of such a week read "Rest day:
    Winterpause" seven times, so the handouts of several weeks leave them out
    (:func:`idle_left_out`)."""
    tl = tl or Timeline(season)
    logged = {s.date for s in season.sessions}
    out = {}
    for w in range(len(tl.weeks)) if weeks is None else weeks:
        days = tl.weeks[w].days
        if (any(tl.training_weekday[i] or tl.is_comp[i] or tl.days[i] in logged for i in days)
                or not any(i in tl.non_training for i in days)):
            continue
        out[w] = ", ".join(dict.fromkeys(tl.off_reason.get(i) or "Days off" for i in days
                                         if i in tl.non_training))
    return out


def idle_left_out(season: Season, weeks: list[int] | None = None) -> dict[int, str]:
    """Of ``weeks`` chosen together (0-based; None: the season), the :func:`idle_weeks` the
    handouts leave out; a week chosen alone keeps its page ({})."""
    if weeks is not None and len(weeks) < 2:
        return {}
    return idle_weeks(season, weeks)


def idle_left_out_words(left_out: dict[int, str]) -> str:
    """``3 weeks without training left out: Winterpause`` for :func:`idle_left_out`'s weeks,
    "" for none."""
    if not left_out:
        return ""
    why = ", ".join(dict.fromkeys(r for v in left_out.values() for r in v.split(", ")))
    return f"{text.plural(len(left_out), 'week')} without training left out: {why}"


def away_left_out_words(season: Season, away: dict[str, str], weeks: list[int] | None = None,
                        anonymise: bool = False) -> str:
    """``Jack Doyle (away all week: Loan to Harbour Town) left out`` for :func:`away_left_out`'s
    athletes (their IDs when anonymised), "" for none."""
    if not away:
        return ""
    n = len(Timeline(season).weeks) if weeks is None else len(weeks)
    span = "all week" if n == 1 else _all_weeks(n)
    return text.join_and([f"{aid if anonymise else season.athlete(aid).name} (away {span}: {why})"
                          for aid, why in away.items()]) + " left out"


def gone_label(season: Season, athlete: str, day: dt.date) -> str:
    """Why :func:`gone_before` leaves ``athlete`` out, ``day`` its day: "left the squad on 4 Jan",
    or for a signing "joins the squad on 4 Jan"."""
    from planner.squad import LEFT_REASON, not_with_squad

    left = day in not_with_squad(season, athlete, frozenset({LEFT_REASON}))
    return f"{'left the squad on' if left else 'joins the squad on'} {text.date_short(day)}"


def gone_words(season: Season, gone: dict[str, dt.date], anonymise: bool = False) -> list[str]:
    """A line for each athlete :func:`gone_before` leaves out ("Amir Rahimi left the squad on
    4 Jan: no handout", "Milan Vogt joins the squad on 4 Jan: no handout"; his ID when
    anonymised)."""
    return [f"{aid if anonymise else season.athlete(aid).name} {gone_label(season, aid, day)}: "
            f"no handout" for aid, day in gone.items()]


def counted_words(al: AthleteLoad, wl, grouped: bool = True) -> str:
    """How a week with sessions logged counts its load (the handout's week row, the Inspector's
    and ``periodize explain``'s LD-1 lines): "as logged" when every day with a load counts its
    log; else the logged part and the days counted at their plan, "counting the 330 AU logged and
    the days to come as planned" (the week of today), "… and the days not logged as planned" (a
    past day with a session planned and nothing logged). ``al.logged_until`` says which days'
    logs count: a session logged today counts at once on the handout, from the next day in the
    explanations (LD-1); a day whose log does not count yet is a day to come, never "logged".
    ``grouped``: thousands separated ("1,080 AU", the printed pages), else as the explanations
    write their figures ("1080 AU")."""
    first = al.index(wl.start)
    planned = [k for k in range(first, first + wl.days)
               if not al.as_logged(k) and al.load[k] > 0.5]
    if not planned:
        return "as logged"
    gaps = ["the days not logged" if any(k < al.logged_until for k in planned) else "",
            "the days to come" if any(k >= al.logged_until for k in planned) else ""]
    return (f"counting the {wl.logged:{',' if grouped else ''}.0f} AU logged and "
            f"{' and '.join(x for x in gaps if x)} as planned")


def stands_words(al: AthleteLoad, wl, grouped: bool = True) -> str:
    """What a week counted as its plan reads after the plan's figure: "as logged" (every day
    with a load logged, at its plan) or "as it stands with the 60 AU logged" (``grouped``: as
    :func:`counted_words`)."""
    said = counted_words(al, wl)
    return said if said == "as logged" else \
        f"as it stands with the {wl.logged:{',' if grouped else ''}.0f} AU logged"


def same_as_planned(lt, around: bool = False) -> bool:
    """A logged week's counted figure and comparison read as the plan's (rounded as said): the
    second clause would repeat the first. ``around``: the clause also says the load weeks'
    figure (the explanations), which must then read the same too."""
    return (f"{lt.load:,.0f}" == f"{lt.planned:,.0f}" and lt.change == lt.planned_change
            and (not around or f"{lt.around:,.0f}" == f"{lt.planned_around:,.0f}"))
