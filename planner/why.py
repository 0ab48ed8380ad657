"""Why a plan says what it says for one athlete-day or athlete-week.

Reads the season, the plan and the rule table (never the solver): for a day, the hard rules that
bound its intensity and stage (caps, match days, availability, spacing, weekly caps, the sprint
ladder, stage durations, pins) and the soft rules the day serves; for a week, what fixed or
shaped its kind (taper, deload rhythm, competitions, pins). The app's inspector and
``periodize explain --athlete ID --date D`` show the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from planner import text
from planner.caution import caution_notes, logged_idle
from planner.check import ramp_walk
from planner.criteria import (
    episode_start,
    failed_words,
    gate,
    not_passed,
    passes_all,
    tests_until,
)
from planner.daymarks import plan_again_words
from planner.errors import InputError
from planner.handout import counted_words, same_as_planned, stands_words
from planner.history import (
    counted_lower_why,
    flare_calm_caps,
    flared_level,
    ladder_credit,
    logged_days,
    planned_level,
    pre_season_speed_days,
    ran_at_least,
    went_otherwise,
)
from planner.load import fmt_figure
from planner.loadtable import LoadTable, lighter_than_around, lived_load
from planner.protocols import load_protocol
from planner.rehab import max_days, reset_credit, segments, stage_since
from planner.returns import AthleteFacts, day_stage_words
from planner.rules import CALM_CAP, RULES, RuleSet
from planner.season import FIT, HV_LEVEL, INJ, LADDER, PLAY_LEVEL, SPEED_DAY, Plan, Season
from planner.squad import gone_from, hv1_exempt, left_words
from planner.timeline import Timeline

CAUTION = "CAUTION"  # a fact: the log's caution (planner.caution), shown apart by the Inspector
PLAIN = ("FACT", CAUTION)  # reasons said without a rule tag


@dataclass(frozen=True)
class Reason:
    rule: str  # rule id (or "FACT" for plain facts, CAUTION for the log's caution)
    # "bound" (a hard rule that limits it), "serves" (a soft rule it satisfies), "costs" (a soft
    # rule the day pays a price to: the day is allowed, not bound), "fact"
    kind: str
    text: str
    # what an anonymised export says instead ("": the text, names scrubbed): a criteria test's
    # name names the injury
    anonymised: str = ""

    @property
    def title(self) -> str:
        r = RULES.get(self.rule)
        return r.title if r else ""

    @property
    def evidence(self) -> str:
        r = RULES.get(self.rule)
        return r.evidence if r else ""


# the headings a day's or a week's reasons are listed under, in order (the Inspector's too)
REASON_KINDS = (("fact", "Facts"), ("bound", "Bound by"), ("serves", "Serves"), ("costs", "Costs"))


def _adder(why: Why, rs: RuleSet):
    """``why.reasons.append`` that leaves out a soft rule the coach switched off: it neither
    serves nor costs anything (the Inspector explained TEAM and HV-DAY with both off)."""

    def add(r: Reason) -> None:
        rule = RULES.get(r.rule)
        if rule is None or rule.hard or rs.mode(r.rule) != "off":
            why.reasons.append(r)

    return add


@dataclass
class Why:
    athlete: str
    label: str  # "Mon 7 Sep 2026" or "week of 7 Sep 2026" (planner.text)
    summary: str
    reasons: list[Reason] = field(default_factory=list)
    # a day (or week) after he left the squad for good: the one sentence said of it in place of
    # reasons ("Left the squad on Mon 14 Dec 2026 in P3: nothing of this squad is planned."), else ""
    away: str = ""

    def short(self) -> str:
        """The day's reason in a line, for a list of changed days (the what-if comparison's
        Changes sheet and its command line): what bounds the day first, its asides left out, with
        its rule id, and the soft rules it serves or pays for; the Inspector says them all
        (:meth:`text`). "This taper week has 1 of at most 2 speed days (HV-2); serves HV-1,
        TP-3"."""
        if self.away:
            return self.away.rstrip(".")
        parts = []
        bound = next((r for r in self.reasons if r.kind == "bound"), None)
        if bound is not None:
            parts.append(_aside_free(bound.text) + (f" ({bound.rule})" if bound.rule in RULES else ""))
        for kind, verb in (("serves", "serves"), ("costs", "costs")):
            rules = list(dict.fromkeys(r.rule for r in self.reasons if r.kind == kind))
            if rules:
                parts.append(f"{verb} {', '.join(rules)}")
        return "; ".join(parts) or "no rule bounds this day"

    def text(self) -> str:
        lines = [f"{self.label}: {self.summary}"]
        for kind, head in REASON_KINDS:
            rs = [r for r in self.reasons if r.kind == kind]
            if rs:
                lines.append(f"{head}:")
                for r in rs:
                    tag = f"{r.rule} ({r.title}, evidence {r.evidence})" if r.rule in RULES else r.rule
                    lines.append(f"  - {tag}: {r.text}" if r.rule not in PLAIN else f"  - {r.text}")
        return "\n".join(lines)


SHORT_CHARS = 110  # the longest reason a list of changed days gives one day (Why.short)


def _aside_free(words: str) -> str:
    """``words`` without its asides in brackets and up to its first sentence's end: "Starts
    'Cup' (the player's default role; …): played at 100 %" -> "Starts 'Cup': played at 100 %"."""
    out, depth = [], 0
    for ch in words:
        depth += ch == "("
        if not depth:
            out.append(ch)
        depth -= ch == ")" and depth > 0
    said = " ".join("".join(out).split()).replace(" :", ":").replace(" ,", ",").replace(" .", ".")
    said = said.split(". ")[0].rstrip(".")
    if len(said) > SHORT_CHARS:
        cut = max(said.rfind(", ", 0, SHORT_CHARS), said.rfind(": ", 0, SHORT_CHARS))
        said = said[:cut if cut > 0 else SHORT_CHARS].rstrip() + " …"
    return said


class _Context:
    def __init__(self, season: Season, plan: Plan, athlete: str, tl: Timeline | None = None,
                 rs: RuleSet | None = None, team_hv: list[int] | None = None):
        if season.athlete(athlete) is None:
            raise InputError("", [f"no athlete has id {athlete!r}; use an id from the squad"])
        self.season, self.plan, self.aid = season, plan, athlete
        self.tl = tl if tl is not None else Timeline(season)
        self.rs = rs if rs is not None else RuleSet(season.rules)
        self.ap = plan.for_athlete(athlete)
        self.who = season.athlete_label(athlete)
        self.facts = AthleteFacts(season, self.tl, self.rs, self.ap)
        self.inj = season.injury_of(athlete)  # rebound per day to the governing record (at())
        self.proto = load_protocol(self.inj.protocol) if self.inj else None
        self._team_hv = team_hv
        self._values: dict[tuple[str, str], float] = {}
        self.speed = [v >= SPEED_DAY for v in self.ap.intensity] if self.ap is not None else []
        self._logged = None
        self._lived: tuple[int, ...] | None = None
        self._pain: dict | None = None
        self._cautions: dict | None = None
        self._table: LoadTable | None = None
        self._pre: list[int] | None = None
        self._ramp: dict[int, tuple[int | None, int]] | None = None

    @property
    def pre(self) -> list[int]:
        """The speed days logged before the season start (pre_season_speed_days), read once for
        the athlete, not once a day explained (as the checker's ``_Athlete.pre``)."""
        if self._pre is None:
            self._pre = pre_season_speed_days(self.season, self.aid)
        return self._pre

    def ramp_steps(self, g: int) -> dict[int, tuple[int | None, int]]:
        """Speed day -> (the speed day before it, its RAMP step 1 or 2, else 0), walked once."""
        if self._ramp is None:
            f = self.facts
            self._ramp = {i: (last, step) for i, last, _gap, step
                          in ramp_walk(f.speed, f.played, self.pre, g)}
        return self._ramp

    @property
    def table(self) -> LoadTable:
        """The rule set's load table (rules-spec.md section 8), made once."""
        if self._table is None:
            self._table = LoadTable.of(self.rs)
        return self._table

    def pain_notes(self) -> dict:
        """Day -> what a logged pain at or above the protocol's flare-up threshold asks of the
        coach (a flare-up proposed and not recorded, a fit athlete's pain, or one just below the
        threshold: the pains listed, ``planner.progress.listed_pains``), read once."""
        if self._pain is None:
            from planner.progress import (
                PainAlert,
                PainBelowAlert,
                PainBelowFlare,
                flare_proposals,
                listed_pains,
                pains_by_kind,
            )

            self._pain = {}
            for p in flare_proposals(self.season, self.aid):
                self._pain[p.date] = (
                    f"Pain {p.pain:g}/10 was logged, at or above the protocol's {p.threshold}/10: "
                    f"a flare-up is proposed but not recorded, so the plan goes on as if the "
                    f"symptoms were not back; if they were, record it (right-click the day ▸ "
                    f"Record flare-up, or periodize record --flare-up) and re-plan.")
            said = {
                PainAlert: lambda p: (f"Pain {p.pain:g}/10 was logged: if it is an injury, record "
                                      f"it (Season ▸ Injuries) and re-plan; nothing in the plan "
                                      f"changed for it."),
                PainBelowFlare: lambda p: f"Pain {p.pain:g}/10 was logged, {p.below()}; {p.WHAT_TO_DO}.",
                PainBelowAlert: lambda p: (f"Pain {p.pain:g}/10 was logged, {p.reason()}: "
                                           f"{p.WHAT_TO_DO}; nothing in the plan changed for it."),
            }
            for kind, mine in pains_by_kind(listed_pains(self.season, self.aid)).items():
                self._pain |= {p.date: said[kind](p) for p in mine}
        return self._pain

    def caution(self, i: int) -> str:
        """What the log asks the staff to check before day ``i``'s sprints or match
        (planner.caution: a pain logged, days logged without training), "" when nothing."""
        if self._cautions is None:
            self._cautions = caution_notes(self.season, self.aid, self.plan, self.tl,
                                           facts=self.facts)
        return self._cautions.get(self.tl.days[i], "")

    def lived(self) -> tuple[int, ...]:
        """The past days' levels as the log reads them (planner.history.past_days), read once."""
        if self._lived is None:
            from planner.history import past_days

            self._lived = past_days(self.season, self.aid, tuple(self.ap.stages), self.tl).intensity
        return self._lived

    def logged(self) -> dict:
        """The athlete's logged days (planner.history.logged_days), read once."""
        if self._logged is None:
            self._logged = logged_days(self.season, self.aid)
        return self._logged

    def at(self, i: int) -> None:
        """Read day ``i``'s injury record (the one that governs it, rules-spec.md section 4)."""
        k = self.facts.gov[i]
        self.inj = self.facts.records[k] if k is not None else None
        self.proto = self.facts.protos[k] if k is not None else None

    def cap(self, stage: str) -> int:
        if stage == FIT:
            return 100
        if stage == INJ or self.proto is None or stage not in self.proto.stage_ids:
            return 0  # not a stage of the record that governs the day: a plan the season outgrew
        return self.proto.cap(stage)

    @property
    def exempt(self) -> bool:
        """Does HV-1 exempt the athlete's position (goalkeepers by default)?"""
        a = self.season.athlete(self.aid)
        return a is not None and hv1_exempt(self.rs, a.position)

    def kind_cap(self, w: int) -> int:
        kind = self.ap.weeks[w]
        return self.value("HV-2", "max_speed_days_deload" if kind == "deload" else "max_speed_days")

    def value(self, rule_id: str, name: str) -> float:
        """The rule set's value, remembered (a day's explanation asks for several)."""
        key = (rule_id, name)
        v = self._values.get(key)
        if v is None:
            v = self._values[key] = self.rs.value(rule_id, name)
        return v

    def team_hv(self, i: int) -> int:
        """Athletes of the plan who are fit and at HV level on day ``i``."""
        if self._team_hv is not None:
            return self._team_hv[i]
        return sum(1 for a in self.plan.athletes if a.stages[i] == FIT and a.intensity[i] >= HV_LEVEL)


class Explainer:
    """Why-answers for many days of one season and plan: the calendar, the rule set and the
    team's daily HV counts are built once (the Excel export explains every athlete-day).
    ``Explainer(season, plan).day(athlete, date)`` equals ``why_day(season, plan, athlete, date)``.
    """

    def __init__(self, season: Season, plan: Plan, timeline: Timeline | None = None):
        self.season, self.plan = season, plan
        self.tl = timeline if timeline is not None else Timeline(season)
        self.rs = RuleSet(season.rules)
        n = self.tl.n
        self.team_hv = [0] * n
        for a in plan.athletes:
            for i, (st, it) in enumerate(zip(a.stages[:n], a.intensity[:n], strict=False)):
                if st == FIT and it >= HV_LEVEL:
                    self.team_hv[i] += 1
        self._contexts: dict[str, _Context] = {}

    def context(self, athlete: str) -> _Context:
        c = self._contexts.get(athlete)
        if c is None:
            c = _Context(self.season, self.plan, athlete, self.tl, self.rs, self.team_hv)
            self._contexts[athlete] = c
        return c

    def day(self, athlete: str, day: dt.date) -> Why:
        return _why_day(self.context(athlete), day)


def why_day(season: Season, plan: Plan, athlete: str, day: dt.date) -> Why:
    return _why_day(_Context(season, plan, athlete), day)


def _left(season: Season, tl: Timeline, ap, label: str, day: dt.date) -> Why | None:
    """The why of a day on or after the athlete left the squad for good (planner.squad.gone_from):
    he left on DATE (in the stage he left in) and nothing of this squad is planned, no rule's
    reason (the solver and the checker stop at that day, docs/semantics.md); None before it."""
    gone = gone_from(season, ap.athlete)
    if gone is None or day < gone:
        return None
    g = tl.index(gone)
    words = f"{left_words(gone, ap.stages[g - 1] if g else None)}: nothing of this squad is planned"
    return Why(ap.athlete, label, f"{season.athlete_label(ap.athlete)}: {words}",
               away=f"{_upper_first(words)}.")


def _why_day(c: _Context, day: dt.date) -> Why:
    tl, ap = c.tl, c.ap
    i = tl.index(day)
    if i is None:
        raise InputError("", [f"{day.isoformat()} is outside the season ({tl.start} to {tl.end})"])
    if (left := _left(c.season, tl, ap, text.day_long(day), day)) is not None:
        return left
    c.at(i)
    st, it = ap.stages[i], ap.intensity[i]
    label, shown = tl.label(i), tl.day_label(i)
    kind = ap.weeks[tl.week_of[i]]
    summary = f"{c.who}: {day_stage_words(c.season, ap, i)}, intensity {it} %" + (f", {shown}" if shown else "") + f", {kind} week"
    why = Why(c.aid, text.day_long(day), summary)
    add = _adder(why, c.rs)
    _day_facts(c, i, shown, add)
    if i < tl.p0:  # what happened: no rule bounds it any more
        logged = c.logged().get(day)
        # a whole percent, as the inspector shows it: 23.5 km/h of a 33.5 km/h max is 70.19 %,
        # the 70 % of a P2 day, not a breach worth the physio's time
        top = round(logged.top_pct) if logged is not None and logged.top_pct is not None else None
        # but a physio must see a logged breach of the stage: the speed as logged (88 % in an
        # 80 % stage reads as level 80, still above it)
        fast = top if top is not None and top > it else it
        flare_day = any(day in rec.flare_ups for rec in c.facts.records)
        if st != FIT and fast > c.cap(st) and flare_day:
            # the flare-up recorded on this day puts the athlete in st from that day; the session
            # logged that day is most often where the pain came: not a breach of the new stage
            before = c.ap.stages[i - 1] if i > 0 else st
            pain = (f", pain {logged.pain:g}/10 logged" if logged is not None and logged.pain is not None
                    else "")
            add(Reason("RH-FL", "fact", f"Flare-up recorded on this day{pain}: the {fast:g} % "
                                        f"session logged is the one that flared up"
                                        + (f", run in {before}" if before != st else "")
                                        + f". From the flare-up {c.who} is in {st}: no more "
                                        f"running that day, at most {CALM_CAP} % on the calm days after."
                                        + (f" Run in {st} already, it was {text.above_stage(st, c.cap(st))}."
                                           if before == st and c.cap(st) < 100 else "")))
        elif st != FIT and fast > c.cap(st) and any(day == rec.onset for rec in c.facts.records):
            add(Reason("FACT", "fact", f"{fast:g} % logged on the day of the injury's onset: the "
                                       f"session in which it happened, not a breach of {st}."))
        elif st != FIT and fast > c.cap(st) and c.cap(st) < 100:  # 100 %: a new max, no breach
            add(Reason("RH-CAP", "fact", f"Above the stage: {fast:g} % logged where {st} allows "
                                         f"{text.stage_allows(c.cap(st))}. Worth a word with the "
                                         f"athlete and the physio."))
        _early_match_reason(c, i, add)
        _load_day_reason(c, i, kind, add)
        return why
    # hard bounds, then the soft rules the day serves
    _pin_reasons(c, day, add)
    _availability_reason(c, i, add)
    _flare_reason(c, i, add)
    if st != FIT:
        cap = c.cap(st)
        add(Reason("RH-CAP", "bound", f"Stage {st} allows {'no running' if cap == 0 else f'at most {cap} %'}."))
    if not c.facts.played[i]:
        _match_neighbour_reasons(c, i, add)
    _speed_day_reasons(c, i, why, add)
    _ramp_reason(c, i, add)
    if c.inj is not None and st not in (FIT, INJ):
        if it >= 60:
            _ladder_reason(c, i, add)
        _stage_reason(c, i, add)
    if st == FIT and i > 0 and ap.stages[i - 1] not in (FIT, INJ):
        _return_reason(c, i, add)
    if c.facts.hv[i] and st == FIT:
        _exposure_reasons(c, i, label, add)
    elif st == FIT and 0 < it < HV_LEVEL and not any(r.kind == "bound" for r in why.reasons):
        _no_exposure_reason(c, i, label, add)
    if st not in (FIT, INJ) and it == c.cap(st) and it > 0:
        add(Reason("RTS", "serves", f"A day at the {st} cap ({it} %) counts towards leaving the stage."))
    _load_day_reason(c, i, kind, add)
    return why


def _lived_level(c: _Context, i: int, logged) -> tuple[int, str]:
    """The past day's level as the log reads it now (planner.history), and words for a plan that
    still shows another: a session typed after the last solve read "top speed 85 % of max, so
    70 %" beside the plan's stale 70 until the re-plan."""
    it = c.ap.intensity[i]
    if logged is None or i >= c.tl.p0:
        return it, ""
    lived = c.lived()[i]
    return lived, ("" if lived == it else
                   f" (the plan shows {it} % until it is made again: Plan ▸ Solve)")


def _counted_lower(c: _Context, i: int, logged, it: int) -> str:
    """`` A match played while the records put the athlete in S3 counts a level lower.`` when the day
    counts a level under its logged top speed (``planner.history.counted_lower_why``), else "":
    "top speed 100.1 % …, so 95 %" said no why."""
    lower = counted_lower_why(logged, it, c.ap.stages[i], c.tl.is_comp[i])
    return f" {_upper_first(lower)}." if lower else ""


def _no_top_speed(parts: list[str], it: int, stale: str, minutes: float) -> str:
    """A past day logged without a top speed (not a match played): rules-spec.md section 9,
    the stored plan's level stands, said as the plan's ("so 70 %" after a 30-minute recovery
    session read as the log's; "so 0 %" after a 120-minute session as "he did not run"); ""
    for a session of 0 minutes at 0 %."""
    kept = f"This day is in the past: it keeps what was logged ({', '.join(parts)})."
    if it > 0:
        return f"{kept} No top speed logged: the plan's {it} % stands{stale}."
    if minutes > 0:
        return (f"{kept} No top speed was logged, so the level is the plan's, 0 % (no running at "
                f"speed): the session counts in the load, not as a speed day; log its top speed "
                f"(e.g. 95%) if it was one.")
    return ""


def _past_text(c: _Context, i: int) -> str:
    """What a day before today keeps (rules-spec.md section 9): the logged sessions, or the stored
    plan's value when nothing was logged; and what the plan had said when the day went otherwise."""
    day = c.tl.days[i]
    logged = c.logged().get(day)
    it, stale = _lived_level(c, i, logged)
    calm_cap = flare_calm_caps(c.season, c.aid, c.tl).get(i)
    calm = calm_cap if logged is None else None
    if calm is not None:
        f0 = max(f for rec in c.season.injuries_of(c.aid) for f in rec.flare_ups if f <= day)
        when = "the day of a flare-up" if f0 == day else f"a calm day after the flare-up on {text.day(f0)}"
        limit = "no running" if calm == 0 else f"at most {calm} %"
        out = (f"This day is in the past, {when}, and no session was logged: it counts as {limit} "
               f"(RH-FL), so {it} %; a session there is not taken as a pain-free one.")
        if it > calm:  # the plan was made before the flare-up was recorded
            out = (f"This day is in the past, {when}, and no session was logged: it counts as "
                   f"{limit} (RH-FL), but this plan was made before the flare-up was recorded "
                   f"and still has {it} %; re-plan from today to read it so.")
    elif logged is None:
        was = planned_level(c.season, c.ap, day, c.tl)
        if was is not None and went_otherwise(c.ap.stages[i], was, it):
            # re-read under the stage the records give the day (a projected change not
            # recorded): "it went as planned" contradicted the "went otherwise" beside it
            out = (f"This day is in the past and no session was logged: it counts as {it} % "
                   f"within the stage the records give that day.")
        else:  # read within the recorded stage, as the Log greys it and the Inspector says
            within = (" within the stage the records give that day"
                      if c.ap.planned.get(day, it) != it else "")
            out = (f"This day is in the past and no session was logged: it keeps the plan's "
                   f"{it} %{within} (it went as planned).")
    else:
        parts = [text.plural(logged.sessions, "session"), f"{logged.minutes:g} min",
                 f"{logged.au} AU"]
        if logged.top_pct is not None:
            parts.append(f"top speed {round(logged.top_pct, 1):g} % of max")  # as the handout
        if logged.played is not None:
            parts.append(f"played {logged.played:g} min")
        if logged.pain is not None:
            parts.append(f"pain {logged.pain:g}/10")
        out = (f"This day is in the past: it keeps what was logged ({', '.join(parts)}), so {it} %"
               f"{stale}.{_counted_lower(c, i, logged, it)}")
        if logged.top_pct is None and not c.facts.played[i]:
            out = _no_top_speed(parts, it, stale, logged.minutes) or out
        if calm_cap and it > calm_cap:  # a calm day after a flare-up (its own day flared up)
            f0 = max(f for rec in c.season.injuries_of(c.aid) for f in rec.flare_ups if f < day)
            out += (f" That is above the {calm_cap} % a calm day after the flare-up on "
                    f"{text.day(f0)} allows (RH-FL).")
        if c.tl.is_comp[i] and c.facts.st[i] == FIT and c.facts.played[i]:
            role = c.facts.role[i]
            if logged.played is None:  # rules-spec.md section 9: the stored plan's role stands
                out += (f" No minutes played were logged, so the planned role stands ({role}): a "
                        f"match played is a speed day whatever speed was logged; log the minutes "
                        f"played (0 if {c.who} did not play) to set it.")
            elif logged.top_level is not None and logged.top_level != it:
                from planner.history import role_of_minutes, start_minutes

                played = role_of_minutes(logged.played, start_minutes(c.season))
                out += (f" On a match day the minutes played set the level ({played}), not the "
                        f"top speed.")
    was = planned_level(c.season, c.ap, day, c.tl)
    if was is not None and went_otherwise(c.ap.stages[i], was, it):  # as the board marks it
        out += f" The plan had said {was} %."
    pain = c.pain_notes().get(day) if logged is not None else None
    if pain:
        out += " " + pain
    return out


def _early_match_reason(c: _Context, i: int, add) -> None:
    """A past match played before RE-1's team sessions were done: the log stands (rules-spec.md
    section 9), but the inspector said only "played 90 min: started" for a returner whose
    re-entry sessions were logged without running."""
    f = c.facts
    if not (f.played[i] and f.st[i] == FIT and not f.ready[i] and f.back[i] is not None):
        return
    need = int(c.rs.value("RE-1", "team_sessions"))
    add(Reason("RE-1", "fact", f"Played before RE-1's {need} team sessions with running (60 % or "
                               f"more) were done: {f.done[i]} since the return on "
                               f"{text.day_long(c.tl.days[f.back[i]])}. The log says {c.who} "
                               f"played, so the match stands as played; worth a word with the "
                               f"physio."))


def _load_day_reason(c: _Context, i: int, kind: str, add) -> None:
    """The day's planned session load (rules-spec.md section 8) and how it is made."""
    if i < c.tl.p0 and c.tl.days[i] in c.logged():
        return  # the logged load stands (said with the past)
    f = c.facts
    table = c.table
    facts = dict(stage=f.st[i], level=f.it[i], played=f.played[i], training=f.train[i],
                 available=i not in f.off, proto=f.proto_of(i), also=f.other_matches(i))
    how = table.describe(kind, **facts)
    if not how:
        return
    load = round(table.day(kind, **facts))
    r = table.split(**facts)[0]
    note = ""
    if kind != "load" and r:
        how = f"{table.minutes[kind]:g} min x RPE {r:g}"
        note = f": {kind} week, {table.minutes[kind]:g}-minute sessions, {table.volume_words(kind, 'volume per session')}"
    add(Reason("LD-1", "fact", f"Planned load {load} AU = {how}{note}."))


def _day_facts(c: _Context, i: int, label: str | None, add) -> None:
    tl = c.tl
    if i < tl.p0:
        add(Reason("FACT", "fact", _past_text(c, i)))
    elif pain := c.pain_notes().get(tl.days[i]):  # logged today: said as a day before it says it
        add(Reason("FACT", "fact", pain))
    if tl.is_comp[i]:
        names = ", ".join(f"'{x.name}' ({x.priority})" for x in tl.comp_on[i])
        add(Reason("FACT", "fact", f"Competition day: {names}."))
    elif not tl.is_training[i]:
        add(Reason("FACT", "fact", f"Not a training day ({_why_off(tl, i)})."))
    if label and not tl.is_comp[i]:
        add(Reason("FACT", "fact", f"{label}: relative to the nearest competitions."))
    if caution := c.caution(i):  # the Inspector's Check row, said in explain too
        add(Reason(CAUTION, "fact", f"{caution} (the log's caution; the plan is not changed for it)."))


def _why_off(tl: Timeline, i: int) -> str:
    """Why day ``i`` is no training day of the team: "a declared non-training day: Christmas",
    "not a training weekday"."""
    if i in tl.non_training:
        return "a declared non-training day" + (f": {tl.off_reason[i]}" if i in tl.off_reason else "")
    return "not a training weekday"


def _pin_reasons(c: _Context, day: dt.date, add) -> None:
    for p in c.season.pins:
        if p.kind == "intensity" and p.athlete == c.aid and p.date == day:
            add(Reason("PIN", "bound", f"You pinned this day at {p.intensity} %."))
        if p.kind == "stage_start" and p.athlete == c.aid and p.date == day:
            add(Reason("PIN", "bound", f"You pinned {p.stage} to start on this day."))


def _availability_reason(c: _Context, i: int, add) -> None:
    """AV-1 and RE-1: unavailable, a match day (played, on the bench, out or held out), or a day
    without training."""
    tl, st = c.tl, c.ap.stages[i]
    if i in tl.unavailable(c.aid):
        add(Reason("AV-1", "bound", f"{c.who} is unavailable: no running load."))
    elif tl.is_comp[i] and st == FIT:
        _match_day_reason(c, i, add)
    elif tl.is_comp[i]:  # the role set is not played in rehab: AV-1 rests the day (no training
        # day for him, no match he plays); it read only "In rehab (P2) there is no running on
        # match days" while the board showed "bench · P2"
        roles = c.facts.roles_set[i]
        first = _SET_HEAD[min(roles, key=("start", "bench", "out").index)]
        add(Reason("AV-1", "bound", _match_day_roles(
            c, i, first, f"in rehab ({st}) the role is not played, and there is no running on a "
                         f"match day (the staff are at the match)", roles, _SET_HEAD)))
    elif not tl.is_training[i]:
        add(Reason("AV-1", "bound", "No running load on a day without training."))


def _role_source(c: _Context, i: int, comps=None) -> str:
    """Where the athlete's role on competition day ``i`` (in ``comps``: by default all the day's)
    is set, in words that name the place to change it."""
    set_for = {r.competition for r in c.season.roles if r.athlete == c.aid}
    if any(x.id in set_for for x in (c.tl.comp_on[i] if comps is None else comps)):
        return "the role set for this match in Season ▸ Match Roles"
    return "the player's default role; Season ▸ Match Roles sets one for this match"


_ROLE_HEAD = {"start": "Starts", "bench": "On the bench for", "out": "out of"}
# the role set for a match an athlete in rehab does not play
_SET_HEAD = {"start": "Set to start", "bench": "Set on the bench for", "out": "Out of the squad for"}


def _match_day_roles(c: _Context, i: int, head: str, what: str, roles: tuple[str, ...] | None = None,
                     heads: dict[str, str] = _ROLE_HEAD) -> str:
    """A played match day's "Bound by" text: ``head`` (the day's role, "Starts") with the matches
    of the day and where the role is set, then ``what``; on a day of several competitions in
    different roles (each its own, ``AthleteFacts.match_roles``), each role with its own matches
    ("Starts 'M1' (...): the match is the exposure (100 %); out of 'M2' (...)"); ``roles``
    (the roles as played by default) and ``heads`` (:data:`_SET_HEAD`) for a match not played."""
    comps = c.tl.comp_on[i]
    roles = c.facts.match_roles(i) if roles is None else roles
    if len(set(roles)) < 2:
        names = " / ".join(f"'{x.name}'" for x in comps)
        return f"{head} {names} ({_role_source(c, i)}): {what}."
    parts = []
    for role in ("start", "bench", "out"):
        got = [x for x, r in zip(comps, roles, strict=True) if r == role]
        if got:
            names = " / ".join(f"'{x.name}'" for x in got)
            word = head if not parts else _lower_first(heads[role])
            part = f"{word} {names} ({_role_source(c, i, got)})"
            parts.append(part + (f": {what}" if not parts else ""))
    return "; ".join(parts) + "."


def _match_day_reason(c: _Context, i: int, add) -> None:
    """A fit athlete's match day: the role set for the competition decides what it is (rules-spec.md
    section 2), RE-1 holds a returning athlete out; neither is AV-1's (it read "Bound by: AV-1
    (Rest when unavailable or off): Starts 'League match 5'")."""
    f = c.facts
    names = " / ".join(f"'{x.name}'" for x in c.tl.comp_on[i])
    sessions = c.value("RE-1", "team_sessions")
    if stale := _role_changed(c, i, names):
        add(Reason("FACT", "bound", stale))
    elif f.played[i] and c.ap.intensity[i] == PLAY_LEVEL["start"]:
        pos = c.season.athlete(c.aid).position
        what = (f"played at 100 % (HV-1 exempts the {pos} position: no high-velocity exposure "
                f"is asked of it)" if c.exempt else "the match is the exposure (100 %)")
        add(Reason("FACT", "bound", _match_day_roles(c, i, "Starts", what)))
    elif f.played[i]:
        add(Reason("FACT", "bound", _match_day_roles(
            c, i, "On the bench for", "a substitute's sprints (80 %), a speed day but no "
                                      "high-velocity exposure")))
    elif not f.ready[i]:
        back = text.day_long(c.tl.days[f.back[i]]) if f.back[i] is not None else "the return"
        # the day is what it is for an athlete who does not play it (rules-spec.md section 2):
        # it read "... so 'M1' / 'M2' is a training day, not a match" on a Saturday rest day
        day = ("a training day for the athlete instead" if f.train[i] else
               f"a rest day ({_why_off(c.tl, i)}): neither a match nor training")
        add(Reason("RE-1", "bound", f"Held out of {names}: back to full training on {back}, "
                                     f"{f.done[i]} of {sessions} team sessions done before a first "
                                     f"match, so {day}."))
    else:
        # what the day is, not "if it is a training weekday"; no compensation session promised
        # to a position HV-1 exempts (a goalkeeper left out gets no speed day at all)
        day = ("a training day for the athlete" if f.train[i] else
               f"a rest day ({_why_off(c.tl, i)})")
        after = ("" if c.exempt else
                 " (compensation sessions may follow on MD+1 and MD+2)")
        add(Reason("FACT", "bound", f"Out of the squad for {names} ({_role_source(c, i)}): "
                                    f"{day}{after}."))


def _role_changed(c: _Context, i: int, names: str) -> str | None:
    """A day from ``p0`` on the plan plays otherwise than the role set now has it (a role changed
    after the plan was made; the checker's AV-1): the plan's and the role set, and the way to
    match them; None when they agree. It read "Starts 'League match 17' (the role set for this
    match in Season ▸ Match Roles)" for a player just set on the bench."""
    f = c.facts
    if i < c.tl.p0 or not f.ready[i]:
        return None
    role, level = f.role[i], c.ap.intensity[i]
    if f.played[i]:
        if role in PLAY_LEVEL and PLAY_LEVEL[role] == level:
            return None
        plan_says = ("Starts " if level == PLAY_LEVEL["start"] else "On the bench for ") + names
    elif role in PLAY_LEVEL:
        plan_says = f"Does not play {names}"
    else:
        return None
    where = "the role set for this match" if i in f.picked else "the player's default role"
    return (f"{plan_says} in the plan, but {where} is now {_ROLE_WORDS[role]} (Season ▸ Match "
            f"Roles): the plan was made before; {plan_again_words(c.season, c.plan)} to plan the day for "
            f"it.")


_ROLE_WORDS = {"start": "start", "bench": "on the bench", "out": "out of the squad"}


def _flare_reason(c: _Context, i: int, add) -> None:
    """RH-FL: the flare-up's day ("No running: flare-up today") and its calm days ("At most 60 %:
    flare-up yesterday (RH-FL, 2 calm days)", the cap being planner.rules.CALM_CAP)."""
    calm = c.value("RH-FL", "calm_days")
    rule = f"RH-FL, {text.plural(calm, 'calm day')}"
    for rec in c.facts.records:
        for fd in rec.flare_ups:
            k = (c.tl.days[i] - fd).days
            if k == 0:
                add(Reason("RH-FL", "bound", f"No running: flare-up today ({rule} follow)."))
            elif k > 0 and i in c.tl.calm_days(fd, calm, c.aid):  # the next days trained
                when = "yesterday" if k == 1 else f"on {text.day_long(fd)}"
                # the rule's bound, whatever else keeps the day lower (a match day, a rest day);
                # a day between the calm days is held too but is none of them
                between = ("" if i in c.tl.calm_days(fd, calm, c.aid, counted_only=True) else
                           f"; no calm day itself: the {text.plural(calm, 'calm day')} are the "
                           f"next days the athlete trains, a match day or a day off uses none up")
                add(Reason("RH-FL", "bound", f"At most {CALM_CAP} %: flare-up {when} ({rule}){between}."))


def _ramp_reason(c: _Context, i: int, add) -> None:
    """RAMP: the first two planned speed days after a break are capped at 80 % and 90 %, read by
    the checker's own walk (planner.check.ramp_walk, once per athlete). A speed day logged before
    the season start ends a break as the solver and the checker read it (pre_season_speed_days):
    no ramp step itself, so the days after it are no step either."""
    f, st = c.facts, c.ap.stages[i]
    if st != FIT or not f.speed[i] or f.played[i]:
        return
    g = c.value("RAMP", "gap_days")
    prev, step = c.ramp_steps(g).get(i, (None, 0))
    if step == 1:
        add(Reason("RAMP", "bound", f"First speed day after {g} days or more without one: at most 80 %."))
    elif step == 2:
        add(Reason("RAMP", "bound", f"Second speed day after a break (the first on "
                                     f"{text.day_long(c.tl.days[prev])}): at most 90 %."))


def _lower_first(words: str) -> str:
    return words[:1].lower() + words[1:]


def _upper_first(words: str) -> str:
    return words[:1].upper() + words[1:]


def _not_played(c: _Context, m: int) -> str:
    """Why the athlete did not play competition day ``m``, in a few words."""
    f = c.facts
    if f.st[m] not in (FIT,):
        return "Not back yet" if f.st[m] == INJ else f"In rehab ({f.st[m]})"
    if m in f.off:
        return "Away"
    if _missed_idle(c, m):
        return "Missed (logged as not training)"
    if f.role[m] == "out":
        return "Out of the squad"
    if not f.ready[m]:
        return "Held out (RE-1)"
    return "Not playing"


def _missed_idle(c: _Context, m: int) -> bool:
    """Was match day ``m`` logged as not training (ill, absent: planner.caution.logged_idle)?
    Missed so, the session after it is no squad decision's top-up."""
    return m < c.tl.p0 and logged_idle(c.season, c.aid, c.tl.days[m])


def _match_neighbour_reasons(c: _Context, i: int, add) -> None:
    """HV-6 and HV-7, by the athlete's own matches: no speed day after a match the athlete played
    or the day before one the athlete plays; after a match missed, a compensation session
    ("Out of the squad on Saturday: compensation session (HV-6 allows MD+1 for non-players)")."""
    tl, f = c.tl, c.facts
    k = c.value("HV-6", "days_after")
    j = tl.md_after[i]
    if j is not None and j <= max(k, 2) and not tl.is_comp[i]:
        names = " / ".join(f"'{x.name}'" for x in tl.comp_on[i - j])
        # the latest match the athlete played, not the latest match day: a player on the bench
        # on Tuesday and out of the squad on Wednesday read "MD+1 after Wednesday's final, which
        # he played"
        m = next((x for x in range(i - 1, max(0, i - k) - 1, -1) if f.played[x]), None)
        if m is not None:
            played, how = _played_words(c, m)
            add(Reason("HV-6", "bound", f"MD+{i - m} after {played}, which {c.who} {how}: "
                                         f"no speed day."))
        elif f.st[i] == FIT and j <= 2:
            head = f"{_not_played(c, i - j)} on {text.weekday_name(tl.days[i - j])} ({names})"
            # a session after a match the athlete could not play (in rehab, away, held out) is
            # no compensation to him, though HV-6 allows it alike
            what = ("speed work" if _missed_idle(c, i - j) else
                    "compensation session" if f.could_play(i - j) else
                    "not a match the athlete could play; speed work")
            if f.hv[i]:
                add(Reason("HV-6", "bound", f"{head}: {what} (HV-6 allows MD+{j} for "
                                             f"non-players)."))
            elif f.speed[i]:  # a speed day below HV (RAMP's 80 % step, or a cap)
                # HV-1 asks no exposure of an exempt position: no "not yet" for a goalkeeper
                yet = "" if c.exempt else "; a speed day, not yet a high-velocity exposure"
                add(Reason("HV-6", "bound", f"{head}: {what} at {f.it[i]} % (HV-6 allows "
                                             f"MD+{j} for non-players{yet})."))
            elif f.could_play(i - j):
                # allowed, not bounding: a fact (listed under "Bound by" it read as the rule
                # that planned an ordinary 70 % team session); not said on a day off (AV-1
                # allows nothing there) nor to a position HV-1 exempts (no speed day asked)
                if f.train[i] and not c.exempt and i not in tl.unavailable(c.aid):
                    add(Reason("HV-6", "fact", f"{head}: a compensation session would be allowed "
                                                f"here (HV-6 allows MD+{j} for non-players); none "
                                                f"is planned."))
            else:  # in rehab, held out by RE-1 or away: nothing to compensate
                add(Reason("HV-6", "fact", f"{head}: not a match the athlete could play, so no "
                                            f"compensation session is due."))
    if c.value("HV-7", "enabled") and i + 1 < tl.n and f.played[i + 1]:
        add(Reason("HV-7", "bound", "The day before a match the athlete plays: no speed day (activation only)."))
    start = _started_before(c, i)
    if start is not None and f.st[i] == FIT and f.it[i] == 0 and f.train[i]:
        names, how = _played_words(c, start)
        add(Reason("FACT", "fact", f"The first training day after {names}, which {c.who} {how} "
                                   f"on {text.day_long(tl.days[start])}: {RECOVERY_WORDS}."))


# the recovery day in words: MD+1, or MD+2 after a day off, so no MD label (the day's own says it)
RECOVERY_WORDS = "the recovery after the match, a session with no running"


_PLAYED_HOW = {"start": "started", "bench": "played from the bench"}


def _played_words(c: _Context, m: int) -> tuple[str, str]:
    """The competitions of day ``m`` the athlete played and how, as (names, how): ``'M1' /
    'M2'``, ``started``; in different roles each with its own, ``'M1' (started) and 'M2' (from
    the bench)``, ``played``. Not the ones the athlete was out of: a player on the bench in a
    tournament's first match and out of the other two read "after 'M1' / 'M2' / 'M3', which they
    played from the bench"."""
    comps, roles = c.tl.comp_on[m], c.facts.match_roles(m)
    if set(roles) == {"out"}:  # a past day logged played, whatever role was set: all of them
        roles = ("start" if c.facts.it[m] == PLAY_LEVEL["start"] else "bench",) * len(comps)
    groups = [(" / ".join(f"'{x.name}'" for x, r in zip(comps, roles, strict=True) if r == role), role)
              for role in _PLAYED_HOW if role in roles]
    if len(groups) == 1:
        return groups[0][0], _PLAYED_HOW[groups[0][1]]
    return text.join_and([f"{names} ({_PLAYED_HOW[role].removeprefix('played ')})"
                          for names, role in groups]), "played"


def _started_before(c: _Context, i: int) -> int | None:
    """The day of the match started that day ``i`` is the first training day after (MD+1 or MD+2
    with no training day between; MD+2 only where ``Timeline.recovery_md2``), or None."""
    f = c.facts
    for j in (1, 2) if c.tl.recovery_md2 else (1,):
        k = i - j
        if k < 0:
            return None
        if f.played[k]:
            return k if f.it[k] == PLAY_LEVEL["start"] else None
        if f.train[k]:
            return None
    return None


def _rest_reason(c: _Context, i: int, add) -> None:
    """HV-5: a speed day nearby leaves no room for another one here (one logged before the
    season start too, a past day: pre_season_speed_days)."""
    tl, speed = c.tl, c.speed
    r = c.value("HV-5", "rest_days")
    near = [j for j in range(max(0, i - r), min(tl.n, i + r + 1)) if j != i and speed[j]]
    logged = [j for j in c.pre if i - j <= r] if i >= tl.p0 else []
    if (near or logged) and not tl.is_comp[i]:
        # a match the athlete plays is said as one: "A speed day on Sat 17 Apr" was a tournament
        played = [j for j in near if c.facts.played[j]]
        days = ", ".join([f"{text.day_long(tl.start + dt.timedelta(days=j))} (logged before the "
                          f"season start)" for j in logged] +
                         [text.day_long(tl.days[j]) for j in near if j not in played])
        parts = ([f"a speed day on {days}"] if days else []) + [_match_on(c, j) for j in played]
        verb = "leave" if len(parts) > 1 or parts[0].startswith("the matches") else "leaves"
        add(Reason("HV-5", "bound", f"{_upper_first(text.join_and(parts))} {verb} no room for "
                                     f"another speed day here ({text.plural(r, 'rest day')} "
                                     f"needed)."))


def _speed_day_reasons(c: _Context, i: int, why: Why, add) -> None:
    """HV-5 and HV-2 on a day AV-1 does not already rest: where AV-1 forbids every running load
    (away, a match day in rehab, no training day) the speed-day rules hold nothing more ("HV-2:
    its cap of 2 is reached" beside "no running on a match day" in rehab read as if a free speed
    slot would have let the athlete run)."""
    if any(r.rule == "AV-1" and r.kind == "bound" for r in why.reasons):
        return
    _rest_reason(c, i, add)
    _weekly_cap_reason(c, i, add)


def _match_on(c: _Context, j: int) -> str:
    """``the match on Sat 17 Apr ('M1')``, ``the matches on Sat 17 Apr ('M1' / 'M2' / 'M3')``:
    the competitions of day ``j`` the athlete plays (:func:`_played_words`)."""
    names, _ = _played_words(c, j)
    what = "match" if c.facts.matches_played(j) == 1 else "matches"
    return f"the {what} on {text.day_long(c.tl.days[j])} ({names})"


def _weekly_cap_reason(c: _Context, i: int, add) -> None:
    """HV-2: the week's planned speed days and played matches against its cap (matches count, and
    a week whose matches alone reach the cap gets no planned speed day)."""
    w = c.tl.week_of[i]
    kind, speed, played = c.ap.weeks[w], c.speed, c.facts.played
    days = c.tl.weeks[w].days
    n_match = sum(1 for j in days if played[j])  # match days: each one speed day
    n_games = sum(c.facts.matches_played(j) for j in days)
    n_plan = sum(1 for j in days if speed[j] and not played[j])
    trained = _speed_days_words(c, [j for j in days if speed[j] and not played[j]])
    cap_w = c.kind_cap(w)
    matches = text.match_days(n_match, n_games) + " played"
    if played[i]:
        above = (" A match is played even above the cap; the plan adds no speed day that week."
                 if n_match > cap_w else "")
        head = ("A played match counts as a speed day" if n_games <= n_match else
                "A day of matches played counts as one speed day, however many it has")
        add(Reason("HV-2", "fact", f"{head}: {matches} this {kind} "
                                   f"week, whose cap is {text.plural(cap_w, 'speed day')}.{above}"))
    elif speed[i]:
        besides = f" besides {matches}" if n_match else ""
        add(Reason("HV-2", "bound", f"This {kind} week has {n_plan + n_match} of at most "
                                     f"{text.plural(cap_w, 'speed day')} "
                                     f"({trained}{besides})."))
    elif n_match >= cap_w:
        verb = ("reaches" if n_match == 1 else "reach") if n_match == cap_w else (
            "is over" if n_match == 1 else "are over")
        the = "The match played" if n_match == n_games == 1 else f"The {matches}"
        add(Reason("HV-2", "bound", f"{the} {verb} this {kind} week's cap of "
                                     f"{text.plural(cap_w, 'speed day')}: no speed day is planned "
                                     f"beside {'it' if n_match == 1 else 'them'}."))
    elif n_plan + n_match >= cap_w:
        besides = f" and {matches}" if n_match else ""
        add(Reason("HV-2", "bound", f"This {kind} week already has "
                                     f"{trained}{besides}: its cap "
                                     f"of {cap_w} is reached."))


def _speed_days_words(c: _Context, js: list[int]) -> str:
    """``1 logged speed day and 1 planned speed day``: the week's speed days ``js`` (no match
    played), a day before today said logged (or past, with nothing logged: the stored plan's),
    not planned: "2 planned speed days" counted a logged Monday at 80 %."""
    p0, logged = c.tl.p0, c.logged()
    n_log = sum(1 for j in js if j < p0 and c.tl.days[j] in logged)
    n_past = sum(1 for j in js if j < p0) - n_log
    n_plan = len(js) - n_log - n_past
    parts = [text.plural(n, f"{what} speed day") for n, what in
             ((n_log, "logged"), (n_past, "past"), (n_plan, "planned")) if n]
    return text.join_and(parts) if parts else text.plural(0, "planned speed day")


def _exposure_reasons(c: _Context, i: int, label: str | None, add) -> None:
    """The soft rules a high-velocity exposure (an HV session or a played match) serves."""
    tl, ap = c.tl, c.ap
    st = ap.stages[i]
    if st != FIT:
        return
    g = c.value("HV-1", "max_gap_days")
    prev = next((j for j in range(i - 1, -1, -1) if ap.intensity[j] >= HV_LEVEL), None)
    gap = (f"; the previous one was {text.plural(i - prev, 'day')} earlier" if prev is not None
           else "")  # "1 days earlier" read on a cup's second day running
    if prev is not None and _uncovered_window(c, prev, i, g):  # said where the coach reads it
        gap += (f", more than {g}: the days between leave an HV-1 window without one (a soft rule "
                f"the plan could not keep here; Plan Check lists it)")
    if not c.exempt:  # a goalkeeper's match served HV-1, which does not apply to him
        add(Reason("HV-1", "serves", f"A high-velocity exposure keeps every {g}-day window "
                                     f"covered{gap}."))
    if ap.weeks[tl.week_of[i]] == "taper" and not c.exempt:  # TP-3 exempts HV-1's positions
        add(Reason("TP-3", "serves", "Keeps intensity in the taper week."))
    if tl.is_comp[i]:
        return
    day = tl.days[i]
    pinned = any(p.kind == "intensity" and p.athlete == c.aid and p.date == day
                 for p in c.season.pins)
    j = tl.md_after[i]
    if j is not None and j <= 2 and not c.facts.played[i - j]:
        # TEAM exempts HV training after any match not played (rules-spec section 5); it is
        # called a compensation session only after one the athlete could have played
        what = ("A session after a match the athlete missed (logged as not training)"
                if _missed_idle(c, i - j) else
                "A compensation session after a match the athlete did not play" if
                c.facts.compensation(i) else f"Speed work on MD+{j} of a match the athlete did "
                f"not play ({_lower_first(_not_played(c, i - j))})")
        add(Reason("TEAM", "serves", f"{what}: it does not count as another team speed day."))
    else:
        _team_day_reason(c, i, pinned, add)
    if label in ("MD-3", "MD-4"):
        add(Reason("HV-DAY", "serves", f"{label} is the preferred day for high-velocity work."))
    elif pinned:  # the coach chose the day, not the plan: no "better day was free" to say
        add(Reason("HV-DAY", "costs", f"Your pin puts it on {label or 'a day without a match nearby'}"
                                      f": MD-3/MD-4 are preferred; this day costs a little."))
    else:
        add(Reason("HV-DAY", "costs", f"{label or 'A day without a match nearby'}: MD-3/MD-4 are "
                                      f"preferred; this day costs a little (no better day was "
                                      f"free)."))


def _team_day_reason(c: _Context, i: int, pinned: bool, add) -> None:
    """TEAM on a fit athlete's HV training day that is no compensation session: a day shared
    with other athletes serves it; a day of this athlete's alone adds a squad speed day to a
    week in which the squad has HV training on another day (a cost), and serves nothing in a week
    without one (a pinned day "shared with 0 other athletes" was said to serve TEAM). A day
    another athlete trains at HV on MD+1 or MD+2 is left out of the squad's days: most often a
    compensation session, which TEAM does not count."""
    mates = c.team_hv(i) - 1  # this athlete is fit and at HV level here
    if mates > 0:
        add(Reason("TEAM", "serves", f"A shared team speed day with {text.plural(mates, 'other athlete')}."))
        return
    tl = c.tl
    w = tl.weeks[tl.week_of[i]]
    others = [j for j in w.days if j != i and j >= tl.p0 and not tl.is_comp[j] and c.team_hv(j)
              and (tl.md_after[j] is None or tl.md_after[j] > 2)]
    if not others:
        return
    days = text.join_and([text.day(tl.days[j]) for j in others])
    add(Reason("TEAM", "costs", f"{'Your pin makes this day' if pinned else 'This day is'} the "
                                f"only high-velocity training of the squad on it: a squad speed "
                                f"day more this week, besides {days}."))


def _uncovered_window(c: _Context, prev: int, i: int, g: int) -> bool:
    """Does HV-1 count a window of ``g`` days between the exposures on ``prev`` and ``i`` as
    uncovered, as the plan checker does: the rule on, the athlete's position not exempt, every
    day of the window available and fit (or in a stage allowing 90 %), and the window reaching
    today or later."""
    if i - prev <= g or c.rs.mode("HV-1") == "off":
        return False
    a = c.season.athlete(c.aid)
    if a is None or hv1_exempt(c.rs, a.position):
        return False
    f = c.facts
    ok = [j not in f.off and (f.st[j] == FIT or f.cap(j) >= HV_LEVEL) for j in range(c.tl.n)]
    first = max(prev + 1, c.tl.p0 - g + 1)
    return any(all(ok[s:s + g]) for s in range(first, i - g + 1))


def _no_exposure_reason(c: _Context, i: int, label: str | None, add) -> None:
    """Why a fit athlete's training day that no rule bounds has no high-velocity work: the
    exposures around it already cover HV-1's windows, and no rule asks for more."""
    ap, g = c.ap, int(c.value("HV-1", "max_gap_days"))
    athlete = c.season.athlete(c.aid)
    if hv1_exempt(c.rs, athlete.position):
        add(Reason("HV-1", "fact", f"No high-velocity work planned: HV-1 does not apply to the "
                                   f"{athlete.position} position (exempt), and no other rule asks "
                                   f"for it."))
        return
    prev = next((j for j in range(i - 1, -1, -1) if ap.intensity[j] >= HV_LEVEL), None)
    nxt = next((j for j in range(i + 1, len(ap.intensity)) if ap.intensity[j] >= HV_LEVEL), None)
    if prev is None or nxt is None or nxt - prev > g:
        return  # the windows around it are not all covered: the plan check lists the gap
    around = " and ".join(f"{text.day_long(c.tl.days[j])}{' (a match)' if c.facts.played[j] else ''}"
                          for j in (prev, nxt))
    preferred = (f"{label} is the preferred day for high-velocity work, but none is planned: "
                 if label in ("MD-3", "MD-4") else "No high-velocity work planned: ")
    add(Reason("HV-1", "fact", f"{preferred}the exposures on {around} keep every {g}-day window "
                               f"covered, and no rule asks for more than one exposure in each "
                               f"window. Pin the day at 90 % or more to add one."))


def _ladder_reason(c: _Context, i: int, add) -> None:
    sps = c.value("RH-11", "sessions_per_step")
    segs = segments(c.inj, c.proto, until=c.tl.days[i])
    start = segs[-1].start if segs else c.tl.start
    credited = ladder_credit(c.season, c.inj, c.proto, segs[-1], sps,
                             c.value("RH-11", "flare_credit_levels")) if segs else {}
    credit = max(credited, default=0)
    s0 = max(0, (start - c.tl.start).days)
    # the session that flared up is no progress (docs/semantics.md), as the plan checker counts
    ran = [v for j, v in enumerate(c.ap.intensity[s0:i], s0) if v >= 60 and j not in c.facts.flared]
    highest = max([credit] + ran)
    it = c.ap.intensity[i]
    if it in LADDER and LADDER.index(it) > 0 and it <= highest:
        # a level reached already: "70 % needs 60 % done on 2 days first (met); highest level
        # reached before this day 90 %" read as a step on a day that is none
        add(Reason("RH-11", "bound", f"Sprint ladder: {it} % is no new step ({highest} % was "
                                     f"reached before this day); the next step is at most one "
                                     f"level above {highest} %."))
    elif it in LADDER and LADDER.index(it) > 0:
        lower = LADDER[LADDER.index(it) - 1]
        run = ran.count(lower)
        done = run + (sps if lower <= credit else 0)
        met = "met" if done >= sps else f"only {done} so far"
        if lower <= credit and run < sps:  # credit, not running: the physio must see which
            cause = ("after the flare-up of " if segs[-1].cause == "flare-up" or start in c.inj.flare_ups
                     else "at the stage record of ")
            # nothing logged or past at that level (a signing recorded in S2): not run here at all
            here = (run == 0 and cause == "at the stage record of "
                    and not ran_at_least(c.season, c.aid, lower))
            at = f"{cause}{text.day_long(start)}{_below_flared(c, segs[-1], credit)}"
            met = (f"credited {at}, not run {'here' if here else 'since'}"
                   if run == 0 else f"credited {at}; run on {run} since")
        add(Reason("RH-11", "bound", f"Sprint ladder: {it} % needs {lower} % done on {sps} days first "
                                     f"({met}); highest level reached before this day {highest} %."))
    else:
        restarted = ""
        flare = bool(segs) and (segs[-1].cause == "flare-up" or start in c.inj.flare_ups)
        if flare and highest == 0:
            # nothing credited and nothing run since: "highest level reached before this day
            # 0 %" the day after a 90 % sprint read as if the sprint were lost, the reset unsaid
            add(Reason("RH-11", "bound", f"Sprint ladder: the flare-up of {text.day_long(start)} "
                                         f"restarts the ladder at {LADDER[0]} %, what was run "
                                         f"before it not counted."))
            return
        if flare and credit and highest == credit:
            # RH-11 resets at a flare-up (rules-spec section 6): a player back 83 days read "90 %"
            # beside the 100 % match sprints he logged before it, the reset unsaid
            restarted = (f" (the ladder restarted at the flare-up of {text.day_long(start)}: "
                         f"credited up to {credit} %{_below_flared(c, segs[-1], credit)}, what was "
                         f"run before it not counted)")
        add(Reason("RH-11", "bound", f"Sprint ladder: highest level reached before this day "
                                     f"{highest} %{restarted}."))


def _below_flared(c: _Context, seg, credit: int) -> str:
    """``, only below the 90 % it flared up at`` when the top speed logged on the flare-up's day held
    RH-11's credit below the rule's own (planner.history.ladder_credit), else ""."""
    flared = flared_level(c.season, c.aid, seg.start)
    spec = reset_credit(c.proto, seg, set(c.inj.flare_ups), c.value("RH-11", "sessions_per_step"),
                        c.value("RH-11", "flare_credit_levels"))
    if flared is None or max(spec, default=0) <= credit:
        return ""
    return f", only below the {flared} % it flared up at"


def _return_reason(c: _Context, i: int, add) -> None:
    """The first day back in full training: what comes next (RE-1's team sessions before a
    match, the first match, the target), as the Returns panel says it."""
    from planner.returns import returns

    day = c.tl.days[i]
    ret = next((r for r in returns(c.season, c.plan) if r.athlete == c.aid and r.fit == day), None)
    if ret is None:
        return
    need = c.rs.value("RE-1", "team_sessions") if c.rs.active("RE-1") else 0
    text_ = (f"First day back in full training, after {c.ap.stages[i - 1]}"
             + (ret.back_note() if ret.provisional else ""))
    if need:
        text_ += (f"; RE-1: {int(need)} team sessions with running (60 % or more) before a "
                  f"competition")
    text_ += f"; {ret.first_match_words(text.day_long)}"
    if ret.target:
        text_ += f"; target {ret.target}: " + ("met" if ret.target_met else "missed") + (
            f" ({ret.missed_why})" if ret.target_missed and ret.missed_why else "")
    add(Reason("RE-1", "fact", text_ + "."))


def _stage_reason(c: _Context, i: int, add) -> None:
    st = c.ap.stages[i]
    spec = c.proto.stage(st)
    first = i
    while first > 0 and c.ap.stages[first - 1] == st:
        first -= 1
    # recorded before the season, or a flare-up that kept the stage
    start = stage_since(c.inj, c.proto, st, c.tl.days[first], c.tl.days[i], c.tl.days[0])
    day_no = (c.tl.days[i] - start).days + 1
    flare = start in c.inj.flare_ups
    # the reason "the ladder restarts lower" only where the stage runs above the ladder's foot
    # (P1 has no running: it read "the ladder restarts lower" too); none said there, the
    # sentence begins "after the flare-up" already
    why = ": the ladder restarts lower" if c.proto.cap(st) > LADDER[0] else ""
    lasts = (f"after the flare-up it lasts {spec.min_days}-{max_days(spec, True)} days (twice the "
             f"protocol's {spec.max_days}{why})" if flare
             else f"it lasts {spec.min_days}-{spec.max_days} days")
    p0 = c.tl.start + dt.timedelta(days=c.tl.p0)  # today, or the season's start
    if start < p0 <= c.tl.days[i] and (p0 - start).days >= max_days(spec, flare):
        # outlasted before today (a projected change not recorded): the maximum counts again
        # from today, as the checker reads it ("Day 16 of S3 ... it lasts 7-14 days" read wrong)
        lasts += (f"; its maximum had gone by before today, so it counts again from today, "
                  f"{text.day_long(p0)} (day {(c.tl.days[i] - p0).days + 1} since)")
    add(Reason("RH-STAGE", "bound", f"Day {day_no} of {st} (started {text.day_long(start)}): {lasts}; "
                                     f"to leave it: {spec.exit_text}"))
    _criteria_reason(c, st, start, c.tl.days[i], add)


def gate_line(result, stage: str, until: dt.date, today: dt.date | None = None,
              named: bool = True) -> str:
    """A failing criteria result and the gate it sets: ``Hip-flexor strength LSI 82 % on Mon 5
    Oct 2026 (pass mark ≥ 90 %): P3 held until retest on Wed 14 Oct 2026``
    (:func:`planner.criteria.failed_words`); with ``today`` after the retest date, the retest
    is due (``P3 held until a retest: due since Sat 8 Aug 2026``), not a date gone by. Not
    ``named`` (an anonymised export: the test's name names the injury), the result unsaid:
    ``A criteria test failed: P3 held until …``."""
    held = (f"held until a retest: due since {text.day_long(until)}" if today is not None and until < today
            else f"held until retest on {text.day_long(until)}")
    return f"{failed_words([result]) if named else 'A criteria test failed'}: {stage} {held}"


def _held_gate(season: Season, record):
    """(protocol, stage, start, day, retest days) of the stage with criteria held by
    ``record`` at the planning start, or None (outside rehab, a stage without criteria)."""
    try:
        proto = load_protocol(record.protocol)
    except InputError:
        return None
    tl = Timeline(season)
    day = tl.days[min(tl.p0, tl.n - 1)]
    held = episode_start(record, proto, day)
    if held is None or held[0] not in proto.stage_ids or not proto.stage(held[0]).criteria:
        return None
    return proto, held[0], held[1], day, RuleSet(season.rules).value("RH-CRIT", "retest_days")


def gate_holds(season: Season, record) -> dict[str, str]:
    """Test name -> the hold its failing latest result sets at the planning start
    (:func:`gate_line`, a date gone by: due), for the stage ``record`` holds then; {} when none."""
    return {} if (held := _held_gate(season, record)) is None else _holds(record, held)


def _holds(record, held) -> dict[str, str]:
    """:func:`gate_holds` for the stage :func:`_held_gate` found (worked out once per call)."""
    proto, stage, start, day, retest = held
    until, failing = gate(record, proto, stage, start, tests_until(day), retest)
    return {r.test.name: gate_line(r, stage, until, today=day) for r in failing}


def gate_texts(season: Season, record) -> list[str]:
    """RH-CRIT for an injury record at the planning start, in words: each failing latest result
    of the stage held then (:func:`gate_holds`), and the criteria without a passing result yet
    (leaving the stage is then provisional). Empty outside rehab or without criteria."""
    if (held := _held_gate(season, record)) is None:
        return []
    proto, stage, start, day, _ = held
    lines = list(_holds(record, held).values())
    if missing := [c.name for c in not_passed(record, proto, stage, start, tests_until(day))]:
        # named: "every criterion of P1" left a new coach asking which, and where they go
        lines.append(f"Leaving {stage} is provisional until {text.join_and(missing)} "
                     f"{'has' if len(missing) == 1 else 'have'} a passing result")
    return lines


def _criteria_reason(c: _Context, st: str, start: dt.date, day: dt.date, add) -> None:
    """RH-CRIT: a failed test holds the stage until a retest; an exit without passing results is
    provisional."""
    retest = c.value("RH-CRIT", "retest_days")
    until, failing = gate(c.inj, c.proto, st, start, tests_until(day), retest)
    today = c.tl.days[min(c.tl.p0, c.tl.n - 1)]
    for r in failing:
        add(Reason("RH-CRIT", "bound", f"{gate_line(r, st, until, today=today)}.",
                   anonymised=f"{gate_line(r, st, until, today=today, named=False)}."))
    if c.proto.stage(st).criteria and not passes_all(c.inj, c.proto, st, start, tests_until(day)):
        add(Reason("RH-CRIT", "fact", f"Leaving {st} is provisional: not every criterion of {st} has a "
                                       f"passing result yet."))


def why_week(season: Season, plan: Plan, athlete: str | None, day: dt.date) -> Why:
    """Why the team's (``athlete`` None) or an athlete's week containing ``day`` has its kind."""
    tl = Timeline(season)
    rs = RuleSet(season.rules)
    w = tl.week_index_of_date(day)
    if w is None:
        raise InputError("", [f"{day.isoformat()} is outside the season"])
    week = tl.weeks[w]
    if athlete is None:
        kinds, who = plan.team_weeks, "The team"
    else:
        ap = plan.for_athlete(athlete)
        if ap is None:
            raise InputError("", [f"no athlete has id {athlete!r}"])
        kinds, who = ap.weeks, season.athlete_label(athlete)
        if (left := _left(season, tl, ap, text.week_of(tl.days[week.first]), day)) is not None:
            return left
    kind = kinds[w]
    why = Why(athlete or "", text.week_of(tl.days[week.first]), f"{who}: {kind} week")
    add = _adder(why, rs)
    if athlete is not None:
        away = idle_week_words(season, tl, w, athlete)
        if away.startswith("away") and kinds[w] == plan.team_weeks[w]:
            # no week of his own: the team's kind, with nothing planned
            add(Reason("FACT", "fact", f"{away_week_words(away, plan.team_weeks[w])}."))
        else:
            _own_week_fact(ap.stages[week.first], add)
    for p in season.pins:
        if p.kind == "week" and p.athlete == athlete and tl.week_index_of_date(p.week) == w:
            add(Reason("PIN", "bound", f"You pinned this week as {p.week_kind}."))
    _taper_reasons(tl, rs, w, add)
    _rhythm_reasons(season, plan, tl, rs, w, athlete, add)
    comps = list({x.id: x for d in week.days for x in tl.comp_on[d]}.values())  # a tournament once
    if comps:
        names = ", ".join(f"'{x.name}' ({x.priority})" for x in comps)
        add(Reason("FACT", "fact", f"Competitions this week: {names}."))
        beside = {kinds[x] for x in (w - 1, w + 1) if 0 <= x < len(kinds)}  # DL-2: no deload
        forced = bool(beside & {"deload", "taper"}) or any(      # next to a deload or taper
            r.kind == "bound" and r.rule in ("TP-1", "PIN") for r in why.reasons)
        if kind == "load" and athlete is None and not forced:
            # a choice only where no hard rule made the week a load week already
            add(Reason("DL-7", "serves", "Deloads go to weeks with fewer or lower-priority competitions."))
    if kind == "deload":
        cap = rs.value("HV-2", "max_speed_days_deload")
        add(Reason("HV-2", "bound", f"A deload week allows at most {text.plural(cap, 'speed day')}."))
    if kind in ("deload", "taper") and (athlete is None or ap.stages[week.first] == FIT):
        table = LoadTable.of(rs)  # a rehab session keeps its length in the athlete's own deload
        rule, speed = _lighter_week_speed(season, tl, rs, ap, week, kind) if athlete else (
            "HV-2", "The speed work stays where the week's cap leaves room for it (a match played "
                    "counts)")
        # per session: matches and rehab sessions keep their length, so the week itself may be
        # barely lighter (its load against the weeks around it is said below)
        add(Reason("LD-1", "fact", f"{kind.capitalize()} week: {table.minutes[kind]:g}-minute team "
                                   f"sessions, {table.volume_words(kind, 'volume per session')}."))
        add(Reason(rule, "fact", f"{speed}."))  # the speed rule it is about, not the load's
    if athlete is not None:
        team = any(ap.stages[j] == FIT for j in week.days)  # has team sessions to shorten
        played = AthleteFacts(season, tl, rs, ap).played
        away = tl.unavailable(athlete)
        rehab = any(ap.stages[j] not in (FIT, INJ) and tl.is_training[j] and j not in away
                    for j in week.days)  # has a rehab session, which keeps its length
        _load_week_reason(season, plan, athlete, tl.days[week.first], add, team,
                          sum(1 for j in week.days if played[j]), rehab)
    return why


def _rhythm_reasons(season: Season, plan: Plan, tl: Timeline, rs: RuleSet, w: int,
                    athlete: str | None, add) -> None:
    """DL-2's reasons for the team's week (``athlete`` None) or an athlete's. A fit athlete's
    deload week is the team's (TEAM): when the athlete's own run is cut by today (weeks before
    today do not count in it) and does not force the deload, the team's run, which counts them,
    is the reason, said as the team's (it read "After 0 load weeks from today on: at most 3 load
    weeks in a row", which gave none)."""
    most = int(rs.value("DL-2", "max_load_weeks"))
    team = plan.team_weeks
    kinds = team if athlete is None else plan.for_athlete(athlete).weeks
    if w < tl.first_open_week and kinds[w] == "load" and _run_before(kinds, w, 0) >= most:
        # a run longer than DL-2 allows, lived before today: it read "Load week 9 of at most 3
        # in a row", a rule broken nine times over
        add(Reason("DL-2", "fact", f"Load week {_run_before(kinds, w, 0) + 1} in a row, before "
                                   f"today: DL-2 neither checks weeks before today nor counts "
                                   f"them in a run (rules-spec section 1)."))
        return
    floor = _run_floor(season, tl, rs, kinds, w, athlete is None)
    if athlete is not None and _follows_team_deload(plan, tl, athlete, w) and \
            floor[0] > _run_floor(season, tl, rs, team, w, True)[0] and \
            _run_before(kinds, w, floor[0]) < most:
        name = season.athlete(athlete).name

        def add(r: Reason, _add=add) -> None:
            said = _lower_first(r.text)
            _add(replace(r, text=f"The team's deload week, which {name} follows: {said}"))

        kinds, floor, athlete = team, _run_floor(season, tl, rs, team, w, True), None
    owner = "the team" if athlete is None else season.athlete(athlete).name
    idle = {j: words for j in range(max(0, w - most), w + 1)
            if (words := idle_week_words(season, tl, j, athlete))}
    _deload_rhythm_reasons(kinds, w, most, add, *floor, owner=owner,
                           idle={j: f"{'this week' if j == w else text.date_short(tl.days[tl.weeks[j].first])}: {words}"
                                 for j, words in idle.items()})
    if athlete is None and kinds[w] == "deload":
        _joiners_run_reason(season, plan, tl, w, most, add)


def _follows_team_deload(plan: Plan, tl: Timeline, athlete: str, w: int) -> bool:
    """The athlete is fit on the week's first day and the week is the team's deload."""
    ap = plan.for_athlete(athlete)
    return (len(plan.team_weeks) == len(tl.weeks) and ap.stages[tl.weeks[w].first] == FIT
            and ap.weeks[w] == plan.team_weeks[w] == "deload")


def _run_before(kinds, w: int, floor: int) -> int:
    """The load weeks in a row just before week ``w``, counted from week ``floor`` on."""
    run, j = 0, w - 1
    while j >= floor and kinds[j] == "load":
        run += 1
        j -= 1
    return run


def _lighter_week_speed(season: Season, tl: Timeline, rs: RuleSet, ap, week, kind: str
                        ) -> tuple[str, str]:
    """What a deload or taper week keeps of an athlete's speed work, in words, with the rule it
    is about: a speed session (HV-2), or only the match started (HV-1; it read "the speed work
    stays" where the match was the only exposure), or none (HV-2: a bench player whose matches
    use up the cap; HV-1 otherwise). It was said under LD-1, the week's load rule."""
    played = AthleteFacts(season, tl, rs, ap).played
    who = season.athlete_label(ap.athlete)
    if any(ap.intensity[j] >= SPEED_DAY and not played[j] for j in week.days):
        return "HV-2", "The speed work stays"
    started = sum(1 for j in week.days if played[j] and ap.intensity[j] >= HV_LEVEL)
    a = season.athlete(ap.athlete)
    if started and a is not None and hv1_exempt(rs, a.position):  # HV-1 asks none of him
        return "HV-1", (f"The {'match' if started == 1 else 'matches'} {who} starts, with no speed "
                        f"session besides (HV-1 exempts the {a.position} position: no high-velocity "
                        f"exposure is asked of it)")
    if started:
        return "HV-1", (f"The {'match' if started == 1 else 'matches'} {who} starts "
                        f"{'is' if started == 1 else 'are'} the week's high-velocity exposure, "
                        f"with no speed session besides")
    n = sum(1 for j in week.days if played[j])
    cap = rs.value("HV-2", "max_speed_days_deload" if kind == "deload" else "max_speed_days")
    because = (f": the {text.plural(n, 'match', 'matches')} played "
               f"{'uses' if n == 1 else 'use'} up the week's cap of "
               f"{text.plural(cap, 'speed day')} (a bench appearance is a speed day, not an "
               f"exposure)" if n and n >= cap else " (the days say why)")
    return ("HV-2" if n and n >= cap else "HV-1",
            f"No high-velocity exposure for {who} this week{because}")


def _load_week_reason(season: Season, plan: Plan, athlete: str, first: dt.date, add,
                      team: bool = True, matches: int = 0, rehab: bool = True) -> None:
    """The athlete's planned load this week against the chronic load (LD-1); ``team``: the
    athlete has team sessions this week (is fit on some day); ``matches``: the matches they
    play in it; ``rehab``: a rehab session in it."""
    series = lived_load(season, plan, athlete)
    wl = series.week_of(first)
    if wl is None:
        return
    if wl.away:  # after he left or before he joined: no load to weigh (it read "no chronic
        # load yet" for a player who had logged every week since August)
        add(Reason("LD-1", "fact", ("Before the season was planned and nothing logged this week: "
                                    "its load is not known, not counted, and no ratio is worked out.")
                   if wl.unplanned else "Not with the squad this week: no load is planned or "
                                        "counted, and no ratio is worked out."))
        return
    if wl.kind in ("deload", "taper") and wl.full:
        nominal = LoadTable.of(RuleSet(season.rules)).volume_change(wl.kind)
        _lighter_reason(series, wl, nominal, add, team, matches, rehab)
    # a week with logged days reads their logged load (rules-spec.md section 8): say so
    # and which days count logged: "the logged sessions counted" was said of a week with only
    # Monday logged, its other days the plan's (the handout's words, planner.handout)
    what = "Planned load" if wl.logged is None else "Load"
    amount = f"{wl.load:.0f} AU" + ("" if wl.logged is None else
                                    f" ({counted_words(series, wl, grouped=False)}"
                                    + ("" if f"{wl.load:.0f}" == f"{wl.planned:.0f}"
                                       else f"; planned {wl.planned:.0f} AU") + ")")
    if wl.chronic is None:
        add(Reason("LD-1", "fact", f"{what} {amount}; no chronic load yet (fewer than "
                                   f"four full weeks before)."))
        return
    most = RuleSet(season.rules).value("LD-1", "acwr_max")
    spike = 400 * round(wl.load) > round(100 * most) * round(4 * wl.chronic)  # as the checker counts
    if not wl.chronic:
        add(Reason("LD-1", "fact", f"{what} {amount} after four weeks without any load: "
                                   + ("a spike whatever its size." if spike else "no load yet.")))
        return
    # 1950 / 1495 is "1.304", not "1.30" beside "above the limit of 1.3" (as Plan Check and the
    # Load flags say a ratio by its limit)
    shown = fmt_figure(wl.load / wl.chronic, (most,))
    verdict = "a spike, above" if spike else "within"
    add(Reason("LD-1", "fact", f"{what} {amount}, {shown} times the chronic "
                               f"{wl.chronic:.0f} AU of the four weeks before: {verdict} the "
                               f"limit of {most:g} times."))


def _lighter_reason(series, wl, nominal: int | None, add, team: bool = True,
                    matches: int = 0, rehab: bool = True) -> None:
    """A deload or taper week against the nearest full load weeks before and after it: the
    shorter team sessions say "40 % less volume" (``nominal``: -40), but matches and rehab
    sessions keep their length, so the week itself may be barely lighter (``Lighter.barely``, as
    the handout's heading asks); say by how much it is. ``team``: the athlete has team sessions
    this week (a week wholly in rehab has none to shorten); ``matches``: the matches the athlete
    plays this week (a week they keep as heavy as a load week says so, not "lighter");
    ``rehab``: the athlete has a rehab session this week. What keeps its length is said only
    of what the week holds: "the matches and rehab sessions keep their length" was said of a
    player fit all week, and of a week without a match."""
    lt = lighter_than_around(series, wl)
    if lt is None:
        return
    size, around = lt.size_words(lt.change), lt.around_words
    # as the Load panel counts: logged where logged, else planned
    text = f"This week's load, {lt.load:.0f} AU, is {size} {around} ({lt.around:.0f} AU)"
    if lt.logged:  # the plan's design and what was lived, each against its own kind of weeks
        # "as logged" only when every day with a load is logged (the handout's words): a week
        # with Monday logged read "as logged, 1170 AU", the plan's figure; the counted clause
        # only when it differs from the plan's
        text = (f"This week's planned load, {lt.planned:.0f} AU, is "
                f"{lt.size_words(lt.planned_change)} {around} as planned "
                f"({lt.planned_around:.0f} AU)")
        text += (f", {stands_words(series, wl, grouped=False)}" if same_as_planned(lt, around=True) else
                 f"; {counted_words(series, wl, grouped=False)}, {lt.load:.0f} AU, {size} "
                 f"{'them' if lt.both else 'it'} ({lt.around:.0f} AU)")
    if matches and team and lt.not_lighter(planned=True):  # no lighter week to promise
        text += (f": this week's {'match keeps' if matches == 1 else 'matches keep'} it as heavy "
                 f"as a load week; only the team sessions are shorter")
    elif lt.barely(nominal, planned=True) and team:
        kept = [w for w in ("the match" if matches == 1 else "the matches" if matches else "",
                            "the rehab sessions" if rehab else "") if w]
        keep = (f"{' and '.join(kept)} "
                f"{'keeps its' if kept == ['the match'] else 'keep their'} length, " if kept else "")
        text += f": {keep}only the team sessions are shorter"
    elif lt.barely(nominal, planned=True):
        text += (": in rehab all week, so no team session to shorten, and a rehab session keeps "
                 "its length in a deload week")
    add(Reason("LD-1", "fact", text + "."))


def _own_week_fact(first_stage: str, add) -> None:
    """Whose week it is: the team's for an athlete fit on its first day, else the athlete's own."""
    if first_stage == FIT:
        add(Reason("FACT", "fact", "Fit on the week's first day: follows the team's week."))
    else:
        add(Reason("FACT", "fact", f"In rehab ({first_stage}) on the week's first day: "
                                    f"the athlete's own week (load or deload)."))


def _taper_reasons(tl: Timeline, rs: RuleSet, w: int, add) -> None:
    """TP-1: a taper week before an A competition; the A competition's own week is no deload."""
    tapers = tl.taper_weeks(rs.value("TP-1", "taper_weeks"))
    if w in tapers:
        comp = tapers[w]
        add(Reason("TP-1", "bound", f"Taper before the A competition '{comp.name}' ({text.day_long(comp.date)})."))
    a_weeks = tl.a_weeks()
    if w in a_weeks:
        add(Reason("TP-1", "bound", f"The week of A competition '{a_weeks[w].name}' is never a deload."))


def _run_floor(season: Season, tl: Timeline, rs: RuleSet, kinds, w: int,
               team: bool) -> tuple[int, bool]:
    """(the first week DL-2's run up to week ``w`` counts from, whether it counts load weeks done
    before today), as the solver and the checker read it: a week from today on counts them only
    for the team, with a recorded past (Timeline.carried_run, docs/semantics.md); a past week
    counts its history."""
    w0 = tl.first_open_week
    if w < w0:
        return 0, False
    carried = (team and season.plan is not None and len(season.plan.team_weeks) == len(tl.weeks)
               and tl.carried_run(kinds, rs.value("DL-2", "max_load_weeks"),
                                  rs.value("TP-1", "taper_weeks")) is not None)
    return (0, True) if carried else (w0, False)


def _joiners_run_reason(season: Season, plan: Plan, tl: Timeline, w: int, most: int, add) -> None:
    """A team deload that a player back from rehab forces: DL-2 counts each athlete's own weeks
    across a return to FIT (rules-spec section 2), so a player whose run, rehab weeks included,
    already has ``most`` load weeks makes the team's week a deload however short the team's own
    run (it read "After 1 load week: at most 3", which explained nothing)."""
    floor = tl.first_open_week
    team, j = 0, w - 1
    while j >= floor and plan.team_weeks[j] == "load":
        team += 1
        j -= 1
    if team >= most:
        return  # the team's own run forces it
    for ap in plan.athletes:
        if len(ap.weeks) != len(tl.weeks) or ap.weeks[w] != "deload" or ap.stages[tl.weeks[w].first] != FIT:
            continue
        run, j = 0, w - 1
        while j >= floor and ap.weeks[j] == "load":
            run += 1
            j -= 1
        if run >= most:
            add(Reason("DL-2", "bound", f"{season.athlete_label(ap.athlete)} has "
                                        f"{text.plural(run, 'load week')} before it, counting the "
                                        f"rehab weeks before the return (DL-2 counts them): "
                                        f"the team's week would be the next in a row."))
            return


def idle_week_words(season: Season, tl: Timeline, w: int, athlete: str | None = None) -> str:
    """Week ``w`` held nothing to train, though DL-2 counts it as a load week (rules-spec v2):
    "days off all week (Christmas break)" (no training day and no competition in it), or, for
    ``athlete``, "away all week (International duty)"; "" for a week with training in it. A
    coach read the deload of 28 Dec "after 3 load weeks", one of them the Christmas break, and
    a player away all week "Load week 2 of at most 3 in a row" for 0 AU planned."""
    days = tl.weeks[w].days
    if not any(tl.training_weekday[i] or tl.is_comp[i] for i in days):
        reasons = ", ".join(dict.fromkeys(tl.off_reason[i] for i in days if i in tl.off_reason))
        return "days off all week" + (f" ({reasons})" if reasons else "")
    if athlete is not None and all(i in tl.unavailable(athlete) for i in days):
        reasons = ", ".join(dict.fromkeys(
            u.reason or "unavailable" for u in season.unavailability if u.athlete == athlete
            and u.start <= tl.days[days[-1]] and u.end >= tl.days[days[0]]))
        return "away all week" + (f" ({reasons})" if reasons else "")
    return ""


def away_week_words(away: str, team_kind: str) -> str:
    """An athlete's week away all of (``away``: :func:`idle_week_words`) in words: "Away all
    week (International duty): nothing planned; the team's load week" (the Inspector's Week
    row and the why of the week; it read "load", with DL-2's "Load week 2 of at most 3")."""
    return f"{away[:1].upper()}{away[1:]}: nothing planned; the team's {team_kind} week"


def _idle_said(idle: dict[int, str], weeks) -> str:
    """The weeks of ``weeks`` that held nothing to train (``idle``: week -> "21 Dec: days off
    all week"), said after DL-2's count: " (21 Dec: days off all week, counted as a load week
    by DL-2)"; "" for none."""
    said = [idle[j] for j in weeks if j in idle]
    if not said:
        return ""
    return f" ({'; '.join(said)}, counted as {'a load week' if len(said) == 1 else 'load weeks'} by DL-2)"


def _cut_by_today(kinds: tuple[str, ...], floor: int, owner: str) -> str:
    """The words for a DL-2 run that counts from today (week ``floor``) while load weeks went
    on before it: " from today on (the 3 load weeks before today do not count in an athlete's
    run, …)"; "" when the run is not cut by today. An athlete in their 4th load week in a row
    read "Load week 1 of at most 3 in a row", as if a loading block had just begun. The team's
    run counts the weeks before today unless they cannot be held against the plan
    (docs/semantics.md, "Deload rhythm across today")."""
    past = 0
    while floor - 1 - past >= 0 and kinds[floor - 1 - past] == "load":
        past += 1
    if floor <= 0 or not past:
        return ""
    weeks = f"the {text.plural(past, 'load week')} before today"
    if owner == "the team":
        return (f" from today on ({weeks} {'is' if past == 1 else 'are'} not held against the "
                f"plan: docs/semantics.md, Deload rhythm across today)")
    return (f" from today on ({weeks} {'does' if past == 1 else 'do'} not count in an athlete's "
            f"run, rules-spec section 1; the team's run counts them)")


def _deload_rhythm_reasons(kinds: tuple[str, ...], w: int, most: int, add, floor: int = 0,
                           carried: bool = False, owner: str = "the team",
                           idle: dict[int, str] | None = None) -> None:
    """DL-2: the run of load weeks before this one (from week ``floor`` on), and deloads never
    next to a deload or taper; ``owner``: whose week it is, as the board's pin menu names it;
    ``idle``: the weeks that held nothing to train, named where the run counts them
    (:func:`idle_week_words`)."""
    idle = idle or {}
    kind = kinds[w]
    run_before = 0
    j = w - 1
    while j >= floor and kinds[j] == "load":
        run_before += 1
        j -= 1
    counted = _idle_said(idle, range(j + 1, w))  # the run's weeks before this one
    since = _cut_by_today(kinds, floor, owner) if j == floor - 1 else ""  # the run reaches today
    if carried and kind == "load" and run_before + 1 > most:
        add(Reason("DL-2", "bound", f"Load week {run_before + 1} in a row, counting those done "
                                    f"before today: no earlier week of the run could be a deload "
                                    f"(a pin, a taper next to it or an A competition's week)."))
        return
    if kind == "deload":
        if run_before >= most:  # a run cut by today binds only when it is long enough itself
            add(Reason("DL-2", "bound", f"After {text.plural(run_before, 'load week')}{since}{counted}: at "
                                        f"most {most} load weeks in a row."))
        else:
            after, k = 0, w + 1
            while k < len(kinds) and kinds[k] == "load":
                after += 1
                k += 1
            if run_before + 1 + after > most:  # the run around it needs a deload somewhere
                until = "the season's end" if k == len(kinds) else "the next lighter week"
                add(Reason("DL-2", "bound", f"After {text.plural(run_before, 'load week')}{since}{counted}, with "
                                            f"{text.plural(after, 'load week')} after it before "
                                            f"{until}: {run_before + 1 + after} "
                                            f"weeks in which DL-2 (at most {most} load weeks in "
                                            f"a row) needs a deload; the solver chose this one "
                                            f"of them (to try another, right-click a day of this "
                                            f"week ▸ Pin week kind for {owner} ▸ load, and "
                                            f"solve)."))
            else:  # nothing forces it: say so rather than list it as a bound
                add(Reason("DL-2", "fact", f"After {text.plural(run_before, 'load week')}{since}{counted}; DL-2 "
                                           f"allows up to {most} in a row, so the run alone does "
                                           f"not force this deload: the solver chose this week "
                                           f"(to try another, right-click a day of it ▸ Pin "
                                           f"week kind for {owner} ▸ load, and solve)."))
    elif kind == "load":
        neighbours = [kinds[x] for x in (w - 1, w + 1) if 0 <= x < len(kinds)]
        if "taper" in neighbours or "deload" in neighbours:
            add(Reason("DL-2", "bound", "Next to a deload or taper week: a deload may not sit here."))
        add(Reason("DL-2", "bound", f"Load week {run_before + 1} of at most {most} in a row"
                                    f"{since}{_idle_said(idle, range(j + 1, w + 1))}."))
