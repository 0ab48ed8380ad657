"""Every rule of the planner, declared once.

The solver adds one constraint method per rule, the plan checker verifies each, the app's rules
panel and ``docs/rules.md`` show them; all read this table and nothing else restates a number.
Numbers and evidence come from the project's domain notes (evidence tags: E study, C consensus,
P published protocol, J expert judgement).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Mode = Literal["hard", "soft", "off"]
EVIDENCE = {"E": "study", "C": "consensus", "P": "published protocol", "J": "expert judgement"}


def evidence_text(tag: str) -> str:
    """``E+J`` -> ``study + expert judgement``."""
    return " + ".join(EVIDENCE.get(t, t) for t in tag.split("+") if t)


def plain(x: float) -> str:
    """``1000000``, ``1.3``: a number as a coach types it (``:g`` wrote 1e+06, which the rules
    panel does not read); a number past 15 digits as ``1e+308`` (its 309 digits were echoed)."""
    if float(x).is_integer() and abs(x) < 1e15:  # beyond: the digits of a float, not the coach's
        return str(int(x))
    return f"{x:g}"


@dataclass(frozen=True)
class Param:
    name: str
    default: float
    min: float
    max: float
    unit: str
    description: str
    integer: bool = True
    text: tuple[str, ...] | None = None  # a list of names (e.g. positions) instead of a number

    @property
    def label(self) -> str:
        """The setting in a few words, as the rules panel names it (its description without the
        note in brackets)."""
        return self.description.split(" (")[0]

    @property
    def row_text(self) -> str:
        """The setting as the Rules panel's row shows it: its description, capitalised ("A
        competition started: minutes"); the notes that send a coach to a setting quote it."""
        return self.description[:1].upper() + self.description[1:]

    def value_text(self, value: float) -> str:
        """``value`` as a coach reads it: "on" or "off" for an on/off setting (HV-7's "to 0"
        meant nothing), else the number as typed (:func:`plain`)."""
        if self.unit == "on/off":
            return "on" if value else "off"
        return plain(value)

    @property
    def default_text(self) -> str:
        return ", ".join(self.text) if self.text is not None else plain(self.default)

    @property
    def range_text(self) -> str:
        """``1–3 days``; a list parameter has no range (``positions``)."""
        if self.text is not None:
            return self.unit
        return f"{plain(self.min)}–{plain(self.max)} {self.unit}"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    hard: bool  # default mode: hard rules are never violated; soft rules are penalised
    summary: str
    evidence: str  # E / C / P / J, combined as in the domain notes (e.g. "E+J")
    citations: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    can_switch: bool = False  # a soft rule may be switched off or made hard
    extra: dict = field(default_factory=dict)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"{self.id} has no parameter {name!r}")


def _w(default: float, what: str, lo: float = 0, hi: float = 10000) -> Param:
    return Param("weight", default, lo, hi, "points", what)


# rules-spec.md section 8: the session-load table (minutes x RPE per kind of day). Rehab stages
# defaults may be replaced per stage by a protocol template's ``load``.
LOAD_STAGES = ("P1", "P2", "P3", "S1", "S2", "S3")
_STAGE_LOAD = {"P1": (45, 3), "P2": (60, 4), "P3": (60, 5), "S1": (60, 5), "S2": (60, 6), "S3": (75, 6)}


def _min(name: str, default: int, what: str) -> Param:
    return Param(name, default, 0, 240, "min", what)


def _rpe(name: str, default: int, what: str) -> Param:
    return Param(name, default, 0, 10, "RPE", what)


LOAD_PARAMS: tuple[Param, ...] = (
    _min("minutes_load", 75, "team session length in a load week (M)"),
    _min("minutes_deload", 45, "team session length in a deload week"),
    _min("minutes_taper", 40, "team session length in a taper week"),
    _rpe("rpe_70", 4, "RPE of a fit training day at 60 or 70 %"),
    _rpe("rpe_80", 5, "RPE of a fit training day at 80 %"),
    _rpe("rpe_90", 6, "RPE of a fit training day at 90 % or more"),
    _min("minutes_recovery", 30, "a fit training day at 0 % (recovery, gym): minutes"),
    _rpe("rpe_recovery", 2, "a fit training day at 0 %: RPE"),
    _min("minutes_start", 95, "a competition started: minutes"),
    # not a load: which logged matches are starts (rules-spec.md section 9's 45 by default), read
    # by the reading of the past (planner.history.start_minutes) and with the load table
    Param("start_from_played", 45, 1, 120, "min",
          "a logged match counts as started from: minutes played (fewer: from the bench)"),
    _rpe("rpe_start", 8, "a competition started: RPE"),
    _min("minutes_bench", 30, "a competition from the bench: minutes"),
    _rpe("rpe_bench", 7, "a competition from the bench: RPE"),
    *(p for st in LOAD_STAGES for p in (
        _min(f"{st}_minutes", _STAGE_LOAD[st][0], f"a training day in rehab stage {st}: minutes"),
        _rpe(f"{st}_rpe", _STAGE_LOAD[st][1], f"a training day in rehab stage {st}: RPE"),
    )),
)

# RH-FL: the most on a flare-up's calm days (rules-spec.md section 3 names it, not a setting).
# The solver's day domains, the checker, the day marks, the sessions and the reading of the past
# all read it from here.
CALM_CAP = 60

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "AV-1", "Rest when off; play the role set", True,
            "No running load on a day the athlete is unavailable, nor on a day that is neither a "
            "training day nor a competition day the athlete plays. A fit, available athlete plays "
            "each competition at the role set for it (start 100 %, bench 80 %); one who is out, or "
            "held out by RE-1, does not play it.",
            "J",
        ),
        Rule(
            "HV-5", "Recovery between speed days", True,
            "No planned speed day (>= 80 % of max speed) next to another speed day, competition "
            "days included: at least 48 h between speed days. Consecutive competition days are allowed.",
            "J", ("Issurin15", "Milioni21"),
            (Param("rest_days", 1, 1, 2, "days", "rest days required between two speed days"),),
        ),
        Rule(
            "HV-2", "Speed days per week", True,
            "Planned speed days plus competition days in a week stay within the weekly cap "
            "(lower in a deload week); a week whose matches alone reach the cap gets no planned speed day.",
            "E+J", ("Colby18",),
            (
                Param("max_speed_days", 2, 1, 3, "days/week", "speed days in a load or taper week"),
                Param("max_speed_days_deload", 1, 0, 2, "days/week", "speed days in a deload week"),
            ),
        ),
        Rule(
            "HV-6", "No speed right after a played match", True,
            "No planned speed day on the days right after a competition the athlete played (MD+1, "
            "MD+2); an athlete who did not play may do a compensation session then.",
            "J", ("Nedelec12", "Thomas17"),
            (Param("days_after", 2, 1, 3, "days", "days after a played match without speed work"),),
        ),
        Rule(
            "HV-7", "No speed the day before a match", True,
            "No planned speed day on the day before a competition the athlete plays (activation only).",
            "P+J", ("DiBernardo19", "MBP", "OlivaLozano21", "PMC6458578"),
            (Param("enabled", 1, 0, 1, "on/off", "forbid speed days on MD-1"),),
        ),
        Rule(
            "RH-CAP", "Stage speed cap", True,
            "Intensity never exceeds the cap of the athlete's rehab stage that day.",
            "P+J", ("AspetarHS", "BJSM-HS-table", "Taberner19", "Taberner19case", "Weir15", "Rauseo17"),
        ),
        Rule(
            "RH-11", "Sprint ladder", True,
            "In rehab, each running day is at most one level above the highest level reached, and "
            "a level above 60 % is used only after the level below was done on enough days; the "
            "session on a flare-up's day counts for nothing.",
            "J", ("AspetarHS", "BJSM-HS-table", "Taberner19case", "OJSM13"),
            (
                Param("sessions_per_step", 2, 1, 3, "days", "days at a level before the next level"),
                Param("flare_credit_levels", 2, 1, 3, "levels",
                      "after a flare-up, levels below the new stage's cap still credited"),
            ),
        ),
        Rule(
            "RH-FL", "Calm days after a flare-up", True,
            f"No running on a flare-up's day and at most {CALM_CAP} % after it until the athlete has trained "
            "on the calm days (days off and match days do not count); the sprint ladder restarts "
            "below the stage's cap and below the speed that flared up.",
            "C", ("IliopsoasGuide", "Silbernagel07", "EvidenceForExercise", "BIMphysio"),
            (Param("calm_days", 2, 1, 5, "days",
                   f"training days after a flare-up at {CALM_CAP} % at most"),),
        ),
        Rule(
            "RH-CRIT", "Criteria gate", True,
            "A failed criterion test (e.g. hip-flexor strength below 90 % of the other side) holds the "
            "athlete in the stage until the earliest retest (retest_days after it); an exit planned "
            "without a passing result is provisional: shown as such until a test is passed.",
            "C", ("IliopsoasGuide", "AspetarHS", "MitchellGimpel", "vanderHorst17", "NATA22"),
            (Param("retest_days", 7, 3, 14, "days", "days from a failed test to the earliest retest"),),
        ),
        Rule(
            "RE-1", "Team sessions before the first match", True,
            "Back to full competition, an athlete plays no match before a few full team training "
            "sessions; until then the athlete trains while the team plays.",
            "J", ("RTPFootballReview", "Ardern16", "Taberner19"),
            (Param("team_sessions", 3, 0, 6, "sessions", "team sessions before the first match"),),
        ),
        Rule(
            "RAMP", "Speed ramp after a break", True,
            "After two weeks or more without a speed day, a fit athlete's first planned speed day is at "
            "most 80 % and the second at most 90 %; a played match ends the ramp.",
            "J", ("SprintVaccine23", "Malone17", "Colby18"),
            (Param("gap_days", 14, 7, 28, "days", "days without a speed day that make a break"),),
        ),
        Rule(
            "RH-STAGE", "Rehab stage order and duration", True,
            "Stages never go backwards (except after a flare-up), never skip a stage, last between "
            "the protocol's minimum and maximum days (up to twice the maximum for a stage redone "
            "after a flare-up, where any running restarts lower on the ladder), and are left only "
            "once the exit requirement is met inside the stage.",
            "P+J", ("Kemp20", "Rauseo17", "AspetarHS", "Silbernagel07", "Ardern16"),
        ),
        Rule(
            "DL-2", "Deload rhythm", True,
            "At most N load weeks in a row; a deload week never sits next to another deload or a "
            "taper week.",
            "E+J", ("Rogerson24", "Bell23"),
            (Param("max_load_weeks", 3, 2, 7, "weeks", "load weeks in a row before a deload"),),
        ),
        Rule(
            "TP-1", "Taper before A competitions", True,
            "The weeks before the week of each A-priority competition are taper weeks for the team, "
            "the competition's own week is not a deload, and no other week is a taper.",
            "E+J", ("Bosquet07", "Mujika03", "Wang23", "PMC6458578"),
            (Param("taper_weeks", 2, 1, 2, "weeks", "taper weeks before an A competition"),),
        ),
        Rule(
            "PIN", "Coach's pins", True,
            "Whatever the coach pinned (a day's intensity, a week's kind, a stage start) holds.",
            "J",
        ),
        Rule(
            "RTS", "Return to sport as early as allowed", False,
            "Each injured athlete reaches full competition as early as the rules allow; missing the "
            "athlete's target competition (not playing it) costs much more.",
            "C", ("Ardern16", "vanderHorst17", "Taberner19"),
            (
                Param("weight", 100, 0, 10000, "points/day", "cost of each day not yet fit"),
                Param("target_weight", 20000, 0, 1000000, "points", "cost of missing the target competition"),
            ),
            can_switch=True,
        ),
        Rule(
            "HV-1", "Regular high-velocity exposure", False,
            "An athlete who is fit, or in a rehab stage allowing 90 %, reaches >= 90 % of max speed "
            "(training or a match started) in every window of N days; goalkeepers are exempt. One "
            "penalty per window without an exposure.",
            "E+J", ("Malone17", "Butler19", "Buchheit21", "Colby18"),
            (
                Param("max_gap_days", 8, 7, 10, "days", "window length"),
                _w(30, "cost of a window without exposure"),
                Param("exempt_positions", 0, 0, 0, "positions", "positions without the rule",
                      text=("GK",)),
            ),
            can_switch=True,
        ),
        Rule(
            "TP-3", "Keep intensity in the taper", False,
            "An athlete on the team plan has at least one high-velocity exposure in every taper week; "
            "the positions HV-1 exempts (goalkeepers) are exempt, as no exposure is asked of them.",
            "E", ("Bosquet07", "Mujika03"),
            (_w(30, "cost of a taper week without exposure"),),
            can_switch=True,
        ),
        Rule(
            "TEAM", "Shared team speed days", False,
            "Fit athletes do their high-velocity training on shared team days: a penalty for each "
            "extra distinct HV training day the squad uses in a week (compensation sessions of "
            "players who did not play do not count).",
            "J", (),
            (_w(8, "cost of each extra team HV training day in a week"),),
            can_switch=True,
        ),
        Rule(
            "DL-7", "Deloads avoid competitions", False,
            "The team's deload weeks avoid competitions: a penalty per B competition day in a team "
            "deload week, a smaller one per C day.",
            "C", ("Bell23",),
            (
                Param("weight_b", 10, 0, 10000, "points/day", "cost of a B competition day in a deload week"),
                Param("weight_c", 3, 0, 10000, "points/day", "cost of a C competition day in a deload week"),
            ),
            can_switch=True,
        ),
        Rule(
            "HV-DAY", "High-velocity work on MD-3/MD-4", False,
            "HV training prefers MD-3 and MD-4; a small penalty on MD-2, a smaller one on other days.",
            "P+J", ("DiBernardo19", "MBP", "OlivaLozano21", "PMC6458578"),
            (
                Param("weight_md2", 2, 0, 1000, "points", "cost of an HV session on MD-2"),
                Param("weight_other", 1, 0, 1000, "points", "cost of an HV session on other days"),
            ),
            can_switch=True,
        ),
        Rule(
            "LD-1", "No planned load spike", False,
            "A week's planned load (minutes x RPE, table below) stays within a ratio of the "
            "athlete's chronic load (the mean of the four full weeks before it; logged weeks "
            "count): one penalty per athlete-week above it. Weight 0 (the default) lists spikes "
            "with the plan without steering it; a weight above 0 steers the weeks and speed days "
            "away from them, and a solve then takes its whole time limit. The table also sets every planned load shown "
            "and exported (switching the rule off keeps it), and from how many minutes "
            "played a logged match counts as started.",
            "E+J", ("Gabbett16", "Williams17", "Impellizzeri21", "Foster98", "Rogerson24", "Bosquet07"),
            (
                Param("acwr_max", 1.3, 1.1, 1.5, "x chronic", "highest week load / chronic load",
                      integer=False),
                _w(0, "cost of a week above the ratio (0: spikes are listed, not avoided)"),
                *LOAD_PARAMS,
            ),
            can_switch=True,
        ),
        Rule(
            "STAB", "Minimal change in a re-plan", False,
            "In a re-plan, each athlete-day or week that differs from the reference plan costs a little "
            "(not a day the athlete is unavailable or not with the squad, nor a week the athlete is away all of: "
            "what the absence forces is no change to undo).",
            "J", (),
            (_w(1, "cost of each changed athlete-day or week"),),
            can_switch=True,
        ),
    )
}

SOFT_RULES = tuple(r.id for r in RULES.values() if not r.hard)


class RuleSet:
    """The effective rule set of a season: defaults overlaid with the coach's settings."""

    def __init__(self, settings=None):
        values = dict(getattr(settings, "values", {}) or {})
        modes = dict(getattr(settings, "modes", {}) or {})
        self._values = {rid: dict(v) for rid, v in values.items()}
        self._modes = modes
        self._cache: dict[tuple[str, str], float] = {}

    def value(self, rule_id: str, name: str) -> float:
        key = (rule_id, name)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        p = RULES[rule_id].param(name)
        v = self._values.get(rule_id, {}).get(name, p.default)
        out = int(v) if p.integer else float(v)
        self._cache[key] = out
        return out

    def texts(self, rule_id: str, name: str) -> tuple[str, ...]:
        """A list parameter (e.g. HV-1's exempt positions)."""
        p = RULES[rule_id].param(name)
        v = self._values.get(rule_id, {}).get(name, p.text)
        return tuple(v or ())

    def mode(self, rule_id: str) -> Mode:
        rule = RULES[rule_id]
        if rule.hard:
            return "hard"
        return self._modes.get(rule_id, "soft")

    def active(self, rule_id: str) -> bool:
        return self.mode(rule_id) != "off"

    def effective(self) -> tuple:
        """Every rule's mode and every parameter's value as they apply: two settings that
        read alike here plan alike (a weight set back to its default equals no setting)."""
        return tuple((rid, self.mode(rid), tuple(
            (p.name, self.texts(rid, p.name) if p.text is not None else self.value(rid, p.name))
            for p in rule.params)) for rid, rule in RULES.items())


def listed_free(counts: dict, penalties: dict) -> list[str]:
    """The soft rules with instances the plan lists at no cost (a weight of 0, LD-1's default)."""
    return [r for r, n in counts.items() if n and not penalties.get(r, 0) and r in RULES]


def listed_only(counts: dict, penalties: dict, season_file: str | None = None,
                named: bool = False) -> str | None:
    """What the coach can do about soft-rule instances the plan lists at no cost (a weight of 0,
    LD-1's default): the solver did not try to avoid them. None when there are none.
    ``season_file``: said on the command line, with the command that sets the weight.
    ``named``: the text before already gave each rule's title and count (Plan Check's summary),
    so only the ids are said again."""
    free = listed_free(counts, penalties)
    if not free:
        return None
    said = ", ".join(free) if named else ", ".join(
        f"{r} ({RULES[r].title[:1].lower()}{RULES[r].title[1:]}: {counts[r]:,})" for r in free)
    slower = " (with LD-1 a solve then takes its whole time limit)" if "LD-1" in free else ""
    where = ("in the app's Rules tab and solve again" if season_file is None else
             "(periodize record " + season_file + " " + " ".join(f"--rule {r}.weight=20" for r in free)
             + " --save re-plans with it)")
    return (f"Listed, not avoided: {said}. Weight 0 counts them without steering the plan; to "
            f"have the plan avoid them, give {'it' if len(free) == 1 else 'each'} a weight "
            f"{where}{slower}.")


# File ▸ New's "A starter plays" (minutes): the match settings of LD-1 that follow it (a
# basketball coach's season counted every start as football's 95 minutes at RPE 8)
MATCH_LENGTH = ("minutes_start", "minutes_bench", "start_from_played")


def match_length_values(minutes: int) -> dict[str, int]:
    """LD-1's match settings when a starter plays ``minutes``: a start counts them; a bench
    appearance, and the minutes played from which a logged match is a start, the defaults'
    share of them (30 and 45 of football's 95): 48 min gives 15 and 23."""
    rule = RULES["LD-1"]
    whole = rule.param("minutes_start").default
    return {name: max(1, round(rule.param(name).default * minutes / whole)) for name in MATCH_LENGTH}


def match_length_words(minutes: int) -> str:
    """``A start counts 48 min and a bench appearance 15 in the planned load; a logged match of
    23 min or more is a start. LD-1 in the Rules panel changes each.``"""
    v = match_length_values(minutes)
    return (f"A start counts {v['minutes_start']} min and a bench appearance "
            f"{v['minutes_bench']} in the planned load; a logged match of "
            f"{v['start_from_played']} min or more is a start. LD-1 in the Rules panel changes each.")


def same_rules(a, b) -> bool:
    """Do two rule settings (``RuleSettings``) give the same effective rules?"""
    return RuleSet(a).effective() == RuleSet(b).effective()


def change_problem(settings, rule_id: str, name: str, value: float,
                   decimals: int | None = None) -> str | None:
    """Why setting ``rule_id``'s ``name`` to ``value`` is no change a coach means (None when it
    is one, or when the rule or parameter is unknown: the edit lists the known ones): a number
    for a list of names, or the value the rule has already (compared at ``decimals``, as a form
    shows it). Worded to follow the setting's name: "is 1 day already"."""
    rule = RULES.get(rule_id)
    p = next((q for q in (rule.params if rule else ()) if q.name == name), None)
    if p is None:
        return None
    rules = RuleSet(settings)
    if p.text is not None:
        return f"is a list of {p.unit} (now: {', '.join(rules.texts(rule_id, name)) or 'none'}), not a number"
    now = rules.value(rule_id, name)
    if value != (now if decimals is None else round(now, decimals)):
        return None
    unit = p.unit[:-1] if now == 1 and p.unit.endswith("s") and "/" not in p.unit else p.unit
    return f"is {now:g} {unit} already"


# a fit training day's RPE by its top speed, in the order a faster session is no easier
RPE_ORDER = (("rpe_70", "60 or 70 %"), ("rpe_80", "80 %"), ("rpe_90", "90 % or more"))


def load_table_problem(settings, param: str) -> str | None:
    """Setting LD-1's ``param`` as in ``settings`` would turn the load table over: a deload or
    taper week's session longer than a load week's (those weeks cut the training volume,
    rules-spec.md section 8, so they would be the heavy weeks), or a faster training day rated
    easier than a slower one (RPE 2 at 90 %, 9 at 70 %). Checked where a value is set (the rules
    panel, ``--rule``), not in season files: a file keeps what it holds."""
    given = settings.values.get("LD-1", {})

    def value(name: str) -> tuple[float, str]:
        default = next(p.default for p in LOAD_PARAMS if p.name == name)
        return given.get(name, default), "" if name in given else ", the default"

    if param in dict(RPE_ORDER):
        return _rpe_order_problem(value, param)
    if param not in ("minutes_load", "minutes_deload", "minutes_taper"):
        return None

    load, load_how = value("minutes_load")
    longer = [(kind, *value(f"minutes_{kind}")) for kind in ("deload", "taper")
              if value(f"minutes_{kind}")[0] > load]
    if not longer:
        return None
    if param == "minutes_load":
        kinds = " and ".join(f"a {kind} week's ({m:g} min{how})" for kind, m, how in longer)
        return (f"a load week's session ({load:g} min) would be shorter than {kinds}, but those "
                f"weeks cut the training volume; shorten the "
                f"{' and '.join(kind for kind, _m, _h in longer)} sessions first")
    kind, m, _how = next((x for x in longer if f"minutes_{x[0]}" == param), longer[0])
    return (f"a {kind} week's session ({m:g} min) would be longer than a load week's ({load:g} "
            f"min{load_how}), but a {kind} week cuts the training volume; keep it at most as long "
            f"as the load week's session")


def _rpe_order_problem(value, param: str) -> str | None:
    """A training day's RPE set below a slower day's or above a faster day's (``value(name)``:
    the value and ", the default" when not set)."""
    k = [name for name, _ in RPE_ORDER].index(param)
    mine, _ = value(param)
    here = RPE_ORDER[k][1]
    for name, speed in RPE_ORDER[:k]:
        other, how = value(name)
        if mine < other:
            return (f"a training day at {here} would be rated easier (RPE {mine:g}) than one at "
                    f"{speed} (RPE {other:g}{how}), but a faster session is no easier; keep it "
                    f"at least RPE {other:g}")
    for name, speed in RPE_ORDER[k + 1:]:
        other, how = value(name)
        if mine > other:
            return (f"a training day at {here} would be rated harder (RPE {mine:g}) than one at "
                    f"{speed} (RPE {other:g}{how}), but a faster session is no easier; keep it "
                    f"at most RPE {other:g}")
    return None


def settings_problems(settings, where: str = "rules") -> list[str]:
    """Every unknown rule, parameter, mode or out-of-range value, located and with the fix."""
    problems: list[str] = []
    for rid, params in settings.values.items():
        if rid not in RULES:
            problems.append(f"{where}.values.{rid}: no such rule; known rules are {', '.join(RULES)}")
            continue
        rule = RULES[rid]
        for name, v in params.items():
            try:
                p = rule.param(name)
            except KeyError:
                names = ", ".join(p.name for p in rule.params) or "none"
                problems.append(f"{where}.values.{rid}.{name}: {rid} has no such parameter (it has: {names})")
                continue
            if p.text is not None:
                if not isinstance(v, list | tuple) or not all(isinstance(x, str) for x in v):
                    problems.append(f"{where}.values.{rid}.{name}: {v!r} is not a list of names; "
                                    f"write e.g. {list(p.text)!r}")
                continue
            if isinstance(v, bool) or not isinstance(v, int | float):
                problems.append(f"{where}.values.{rid}.{name}: {v!r} is not a number")
            elif not (p.min <= v <= p.max):
                problems.append(
                    f"{where}.values.{rid}.{name}: {v:g} is outside {plain(p.min)}-{plain(p.max)} {p.unit}; "
                    f"choose a value in that range"
                )
            elif p.integer and int(v) != v:
                problems.append(f"{where}.values.{rid}.{name}: {v:g} must be a whole number")
    for rid, mode in settings.modes.items():
        if rid not in RULES:
            problems.append(f"{where}.modes.{rid}: no such rule")
        elif RULES[rid].hard and mode != "hard":
            problems.append(f"{where}.modes.{rid}: {rid} is a hard rule and cannot be made {mode}")
    return problems
