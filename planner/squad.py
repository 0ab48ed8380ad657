"""The squad as every view shows it: one display order, one short position label.

The board, the board PDF, the Excel export and the iCal export all list athletes in
:func:`display_order`, so a recovered athlete sits in the same place everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence

from planner.protocols import available_protocols, load_protocol
from planner.rehab import governing, stage_on
from planner.season import FIT, Athlete, AthletePlan, Injury, Plan, Season, planning_start
from planner.timeline import Timeline

# a season without athletes, in the app's words (the board's empty grid) and the CLI's
NO_SQUAD_YET = "No athletes yet: add the squad (Season ▸ Squad"

# The reasons of the two unavailabilities that say an athlete is not with this squad (a
# signing's days before he joined, a player's days after he left): his load on them is not
# known, not zero, unlike a day away ill or with his country (docs/semantics.md).
JOINED_REASON = "not in the squad yet"
LEFT_REASON = "left the squad"
# a week wholly not with the squad, as the printed pages word it (the Overview's cell, a week's
# heading): its reason would read "away"
AWAY_WORDS = {JOINED_REASON: "not yet here", LEFT_REASON: "left"}

# Known positions in the order a coach reads a team sheet; any other position follows them,
# in the order it first appears in the squad.
POSITION_ORDER: tuple[str, ...] = ("goalkeeper", "defender", "midfielder", "forward")
POSITION_SHORT = {"goalkeeper": "GK", "defender": "DF", "midfielder": "MF", "forward": "FW"}
# a goalkeeper's name in German, as a coach there types it: in the one alias table, so that a
# stored 'Torwart', an HV-1 exempt list of 'Torwart' and a typed one all read as Goalkeeper; a
# position typed or imported is also shown as Goalkeeper (read_position)
_GOALKEEPER_WORDS = frozenset({"torwart", "tw", "torhüter", "torhueter", "tormann", "torfrau",
                               "torhüterin", "torwartin"})

# football's usual abbreviations, and a goalkeeper's other names (a "Goalie" lost HV-1's
# goalkeeper exemption); outfield names such as "CB" or "Winger" are left as typed: they differ
# between sports (a rugby winger is no forward) and an HV-1 exempt list may name them on purpose
_ALIASES = {"gk": "goalkeeper", "keeper": "goalkeeper", "goalie": "goalkeeper",
            "goaltender": "goalkeeper", "goal keeper": "goalkeeper", "df": "defender",
            "def": "defender", "mf": "midfielder", "mid": "midfielder", "fw": "forward",
            "fwd": "forward", "st": "forward", "striker": "forward",
            **dict.fromkeys(_GOALKEEPER_WORDS, "goalkeeper")}


def read_position(typed: str) -> str:
    """A position as typed or imported: a goalkeeper's German names (``Torwart``, ``TW``,
    ``Torhüter``), however cased, are ``Goalkeeper`` (say so: :func:`read_as_goalkeeper`); any
    other is kept as typed, spaces trimmed (``GK``, ``Keeper``, ``Goalie`` are goalkeepers as
    they are: :func:`position_key`, and a season's ``GK`` reads back from its workbook as it was)."""
    return "Goalkeeper" if read_as_goalkeeper(typed) else typed.strip()


def read_as_goalkeeper(typed: str) -> bool:
    """Is ``typed`` a goalkeeper's German name, which :func:`read_position` reads as
    ``Goalkeeper``?"""
    return " ".join(typed.split()).casefold() in _GOALKEEPER_WORDS


def position_key(position: str) -> str:
    """The position as compared everywhere: trimmed, lower case, common abbreviations and a
    goalkeeper's other names spelled out ("GK", "Goalie")."""
    p = " ".join(position.split()).lower()
    return _ALIASES.get(p, p)


def hv1_exempt(rules, position: str) -> bool:
    """Does HV-1 exempt ``position`` (its ``exempt_positions``, goalkeepers by default), however
    either is spelled ("GK", "Goalie", "Goalkeeper")? ``rules``: a ``planner.rules.RuleSet``."""
    return position_key(position) in {position_key(p)
                                      for p in rules.texts("HV-1", "exempt_positions")}


def keeper(rules, position: str) -> bool:
    """Is ``position`` a goalkeeper's ("GK", "Goalie", "Torwart"…), or one HV-1's
    ``exempt_positions`` names (the squad's keepers, as the season says them)? A word for the
    Roles grid (a match with no keeper starting), never a rule. ``rules``: a ``RuleSet``."""
    return position_key(position) == "goalkeeper" or hv1_exempt(rules, position)


# the room of a short position in a narrow column, in the column's font: the board's names
# column and the Squad list's Pos. (PG, GK, Cent, Prop: :func:`fitted_position`)
POSITION_ROOM = "MMM"


def short_position(position: str) -> str:
    """A label of at most a few letters for narrow columns (``GK``, ``DF``…; others as typed)."""
    key = position_key(position)
    return POSITION_SHORT.get(key, " ".join(position.split()))


def fitted_position(position: str, fits: Callable[[str], bool]) -> str:
    """:func:`short_position` where it ``fits`` the room; else a position of two to four words
    (or parts joined by hyphens) by the first letter of each word that has one, upper-cased, if
    they fit ("Shooting guard" SG, "Small forward" SF, "Scrum-half" SH, "Forward (left)" FL:
    cut to their first letters, basketball's positions read "Sh…", "Smal", "Powe"); else a
    position of up to four words by as much of its start as fits, ending on a consonant
    ("Center" Cent or Cen, "Defense" Def, "#10 playmaker" #10: cut, the board read "Ce…" beside
    PG and SF); a cut that would change a number ("no 10" read "no 1") gives the initials with
    the number whole (N10), else the number alone; else the label, for the caller to cut."""
    label = short_position(position)
    if fits(label):
        return label
    words = [w for w in re.split(r"[\s-]+", position) if w]
    firsts = [next(ch for ch in w if ch.isalpha()) for w in words if any(ch.isalpha() for ch in w)]
    numbers = re.findall(r"\d+", label)
    if 2 <= len(firsts) <= 4:  # a number among the words kept whole: "Left back 2" LB2
        initials = _initials(words) if numbers else "".join(_upper(ch) for ch in firsts)
        if fits(initials):
            return initials
    if not 1 <= len(words) <= 4 or not fits(label[:1]):
        return label
    cut = _start_cut(label, fits)
    if re.findall(r"\d+", cut) == numbers:  # "#10 playmaker" #10
        return cut
    # a cut never changes a number ("no 10" read "no 1", a goalkeeper's shirt): its initials
    # with the number whole (N10, "Number 8" N8), else the number alone, else the label
    for form in (_initials(words), "".join(numbers)):
        if fits(form):
            return form
    return label


def _initials(words: list[str]) -> str:
    """Each word's first letter, upper-cased, or its whole number ("no 10": N10)."""
    out = []
    for w in words:
        if m := re.search(r"\d+", w):
            out.append(m[0])
        elif ch := next((c for c in w if c.isalpha()), None):
            out.append(_upper(ch))
    return "".join(out)


def _start_cut(label: str, fits: Callable[[str], bool]) -> str:
    """As much of the start of ``label`` as fits, ending on a word's end and a consonant."""
    k = 1  # widths only grow with the text: stop at the first start that does not fit
    while k < len(label) and fits(label[:k + 1]):
        k += 1
    while k > 1 and not label[k - 1].isalnum():  # "Wing " or "Forward (": to the word's end
        k -= 1
    while k > 1 and label[k - 1].lower() in "aeiouy":  # "Defe" reads less than "Def"
        k -= 1
    return label[:k]


def _upper(ch: str) -> str:
    """One letter in upper case, where that is one letter ("ß" stays "ß", not "SS")."""
    up = ch.upper()
    return up if len(up) == 1 else ch


def is_injured(season: Season, athlete_id: str, plan: Plan | None = None, p0: int = 0) -> bool:
    """Injured for display: not ``FIT`` on some day of the plan from the day before ``p0``
    (today) on — an athlete back on today is still this week's news (as in
    ``planner.returns.returns``: on the day of a planned return the records still say rehab),
    one back before today is listed with the squad again — or, without a plan for the athlete,
    an injury record whose current stage is not ``FIT``."""
    plan = season.plan if plan is None else plan
    ap = plan_row(plan, athlete_id)  # a placeholder's FIT says nothing: his records do
    if ap is not None:
        return any(s != FIT for s in ap.stages[min(max(0, p0 - 1), max(0, len(ap.stages) - 1)):])
    return any(i.athlete == athlete_id and i.current.stage != FIT for i in season.injuries)


def rehab_status(season: Season, athlete_id: str) -> str | None:
    """The Squad table's word for an athlete's injuries at the planning start: ``injured (P2)``,
    ``back from injury``, ``injury planned`` (an onset still ahead); ``injured`` for a
    record of a protocol not available here; None without a record."""
    records = season.injuries_of(athlete_id)
    if not records:
        return None
    today = planning_start(season)
    rec = governing(records, today)
    if rec is None or rec.protocol not in available_protocols():
        return "injury planned" if rec is None else "injured"
    stage = stage_on(rec, load_protocol(rec.protocol), today)
    if stage != FIT:
        return f"injured ({stage})"
    return "injury planned" if any(r.onset > today for r in records) else "back from injury"


def display_order(season: Season, plan: Plan | None = None) -> list[Athlete]:
    """Injured athletes first, then by position (known positions first, others in the order they
    first appear), then by ID."""
    rank = _position_rank(season)
    injured = _injured(season, plan)

    def key(a: Athlete) -> tuple:
        return (a.id not in injured, rank[position_key(a.position)], a.id)

    return sorted(season.athletes, key=key)


def _position_rank(season: Season) -> dict[str, int]:
    """Each position's place in :func:`display_order`: football's known positions first, any
    other in the order it first appears in the squad."""
    rank = {p: i for i, p in enumerate(POSITION_ORDER)}
    for a in season.athletes:
        rank.setdefault(position_key(a.position), len(rank))
    return rank


def _position_order_words(season: Season) -> str:
    """How :func:`display_order` sorts after the injured, in the squad's own positions: football's
    in team-sheet order ("goalkeepers, defenders, ..."); any other squad's positions as first
    typed, in the order they are listed (a basketball squad read "goalkeepers, defenders" on its
    printed Overview)."""
    keys = {position_key(a.position) for a in season.athletes}
    if keys <= set(POSITION_ORDER):
        return "then by position (goalkeepers, defenders, midfielders, forwards)"
    if keys == {""}:
        return "then by ID"
    typed: dict[str, str] = {}
    for a in season.athletes:
        typed.setdefault(position_key(a.position), " ".join(a.position.split()) or "no position")
    rank = _position_rank(season)
    return "then by position: " + ", ".join(typed[k] for k in sorted(typed, key=rank.__getitem__))


def _injured(season: Season, plan: Plan | None) -> set[str]:
    p0 = Timeline(season).p0
    return {a.id for a in season.athletes if is_injured(season, a.id, plan, p0)}


def order_words(season: Season, plan: Plan | None = None) -> str:
    """What a printed list in :func:`display_order` puts first and why ("In rehab today, listed
    first: Rafael Costa; then by position ..."): on paper a forward above the goalkeepers looked
    misfiled. "" when no one is injured."""
    from planner.text import join_and

    injured = _injured(season, plan)
    if not injured:
        return ""
    names = [a.name for a in display_order(season, plan) if a.id in injured]
    return f"In rehab today, listed first: {join_and(names)}; {_position_order_words(season)}."


def display_ids(season: Season, plan: Plan | None = None) -> list[str]:
    return [a.id for a in display_order(season, plan)]


# what every reader says for a day of an athlete the plan holds no plan for yet
NOT_PLANNED = "not planned yet: Plan ▸ Solve (F5)"


def unplanned(season: Season, plan: Plan | None = None) -> tuple[str, ...]:
    """The athletes of ``plan`` (the season's when None) whose rows are placeholders at 0 % until
    the next solve (``Plan.unplanned``: a player added to a planned season), in display order."""
    plan = season.plan if plan is None else plan
    if plan is None or not plan.unplanned:
        return ()
    ids = set(plan.unplanned)
    return tuple(a.id for a in display_order(season, plan) if a.id in ids)


def plan_row(plan: Plan | None, athlete_id: str) -> AthletePlan | None:
    """The athlete's row of ``plan`` when it is a plan: None when there is no plan or no row for
    him, or when his row is a placeholder at 0 % until the next solve (``Plan.unplanned``), which
    every reader says as :data:`NOT_PLANNED`, never as sessions."""
    if plan is None or athlete_id in plan.unplanned:
        return None
    return plan.for_athlete(athlete_id)


def planned_order(season: Season, plan: Plan | None = None) -> list[Athlete]:
    """:func:`display_order` without the athletes whose rows are placeholders (``Plan.unplanned``):
    the athletes a squad-wide figure (load, review, calendar) counts."""
    plan = season.plan if plan is None else plan
    out = set(plan.unplanned) if plan is not None else set()
    return [a for a in display_order(season, plan) if a.id not in out]


def not_planned_error(season: Season, athlete_id: str) -> str | None:
    """Why a day of ``athlete_id`` cannot be changed by hand: his row is a placeholder until a
    solve (``Plan.unplanned``); None when it is a plan (or there is none)."""
    if season.plan is None or athlete_id not in season.plan.unplanned:
        return None
    return f"{season.athlete_label(athlete_id)} is {NOT_PLANNED}, then change their days"


def injured_not_planned(season: Season, plan: Plan | None = None) -> list[tuple[Athlete, Injury, str]]:
    """The athletes not planned yet (:func:`unplanned`) whose injury records hold them injured on
    the planning start or later, as (athlete, the record governing then — or the first with its
    onset ahead —, the stage the records give then: ``INJ``, ``P2``, or ``FIT`` before an onset
    ahead): their return is not planned
    yet, whatever their placeholder rows (all ``FIT``) say."""
    from planner.rehab import athlete_stage_on

    day = planning_start(season)
    out = []
    for aid in unplanned(season, plan):
        records = season.injuries_of(aid)
        if not records:
            continue
        stage = athlete_stage_on(records, day)
        if stage == FIT and all(r.onset <= day for r in records):
            continue
        # fit until the onset ahead: that record, not an older healed one (its onset and target
        # named beside "fit until the onset ahead" said something false)
        rec = (next(r for r in records if r.onset > day) if stage == FIT
               else next((r for r in reversed(records) if r.onset <= day), records[0]))
        out.append((season.athlete(aid), rec, stage))
    return out


# what every place says of their days, before its own way on (unplanned_line)
# (the plan JSON does carry their rows, marked unplanned; an injured one has a Returns row)
UNPLANNED_SAID = ("their days are not checked nor counted, and no handout, calendar or athlete "
                  "sheet is made for them")


def unplanned_line(season: Season, plan: Plan | None = None, anonymise: bool = False,
                   fix: str = "solve (F5)") -> str | None:
    """``2 athletes not planned yet (Alex Reserve1, Ike Reserve2): their days are not checked
    nor counted, and no handout, calendar or athlete sheet is made for them; solve (F5)``: one
    sentence everywhere, ``fix`` its tail (the way on as the place words it: ``periodize solve S
    --save plans them`` on the command line); their IDs when anonymised. None when every athlete
    is planned."""
    from planner.text import join_and, plural

    ids = unplanned(season, plan)
    if not ids:
        return None
    names = [aid if anonymise else season.athlete(aid).name for aid in ids]
    shown = join_and(names) if len(names) <= 6 else f"{', '.join(names[:5])} and {len(names) - 5} more"
    return f"{plural(len(ids), 'athlete')} not planned yet ({shown}): {UNPLANNED_SAID}; {fix}"


def near_position(position: str, others: Iterable[str] = (), cutoff: float = 0.8) -> str | None:
    """The group ``position`` seems a misspelling of ("Midfeilder": Midfielder): one of the four
    known groups first, else one of ``others`` (the other players' positions, one a player, not
    the typed one's own row) that more players would hold than the typed one, itself included
    ("Wingr": "Winger" of two players; another player's "Midfeilder" is not offered for
    "Midfeildr", Midfielder is). One player's "Wingr" is not offered for "Winger", nor the other
    way round: which is the typo is not known. However cased or spaced; None when none is close
    or it is one of the four."""
    import difflib
    from collections import Counter

    key = position_key(position)
    known = {p: p.capitalize() for p in POSITION_ORDER}
    others = list(others)
    held = Counter(position_key(o) for o in others)
    spelt = {position_key(o): " ".join(o.split()) for o in reversed(others)}  # as first written
    own = {k: spelt[k] for k, n in held.items() if n > held[key] + 1}
    for groups in (known, own):
        near = difflib.get_close_matches(key, [g for g in groups if g != key], n=1, cutoff=cutoff)
        if near:
            return groups[near[0]]
    return None


def unknown_position_note(position: str, others: Iterable[str] = ()) -> str | None:
    """What a position none of the four groups knows means for the plan ("Goalie" was read as a
    position of its own, so the goalkeeper lost HV-1's exemption), with the group it seems a
    misspelling of (:func:`near_position` of it and ``others``); None for a known one or none."""
    typed = " ".join(position.split())
    if read_as_goalkeeper(position):
        return f"'{typed}' is read as Goalkeeper"
    if not position.strip() or position_key(position) in POSITION_SHORT:
        return None
    near = near_position(position, others)
    if near is not None:  # "Midfeilder" was added as a group of one, said only after Add
        return (f"Did you mean {near}? '{typed}' as typed is a group of its own (HV-1's "
                f"goalkeeper exemption reads the position)")
    return (f"'{typed}' is a group of its own, not Goalkeeper, Defender, "
            f"Midfielder or Forward (HV-1's goalkeeper exemption reads the position)")


def squad_reason(u) -> str:
    """The reason of the unavailability ``u`` as it is compared with :data:`JOINED_REASON` and
    :data:`LEFT_REASON`: however cased or spaced ("Left  the Squad" is one)."""
    return " ".join(u.reason.split()).lower()


def is_absence(u) -> bool:
    """Is the unavailability ``u`` an absence (ill, with his country, on loan), not a signing's
    days before he joined nor a leaver's after he left?"""
    return squad_reason(u) not in {JOINED_REASON, LEFT_REASON}


def not_with_squad(season: Season, athlete_id: str,
                   keys: frozenset[str] = frozenset({JOINED_REASON, LEFT_REASON})) -> set[dt.date]:
    """The days ``athlete_id`` is not with this squad: those of his unavailabilities whose reason
    is :data:`JOINED_REASON` or :data:`LEFT_REASON` (however cased or spaced); ``keys``: one of
    them alone."""
    days: set[dt.date] = set()
    for u in season.unavailability:
        if u.athlete == athlete_id and squad_reason(u) in keys:
            days.update(u.start + dt.timedelta(days=i) for i in range((u.end - u.start).days + 1))
    return days


def gone_from(season: Season, athlete_id: str) -> dt.date | None:
    """The day ``athlete_id`` left the squad for good: the first day of his run of days
    :data:`LEFT_REASON` that lasts to the season's end, or None. From it on nothing of his is this
    file's to plan or check: a rehab is history up to that day (its stage rules bind no day after
    it, docs/semantics.md)."""
    left = not_with_squad(season, athlete_id, frozenset({LEFT_REASON}))
    end = season.calendar.end
    return _run_end(left, end, -1) if end in left else None


def weeks_not_with_squad(season: Season, athlete_id: str, tl: Timeline | None = None) -> list[bool]:
    """Per week of the season: is ``athlete_id`` not with the squad on every day of it
    (:func:`not_with_squad`: wholly before he joined or after he left)? Nothing he did or did not
    do in such a week is counted: it is no week of his (a week away on loan is)."""
    tl = tl or Timeline(season)
    gone = not_with_squad(season, athlete_id)
    return [bool(gone) and all(tl.days[i] in gone for i in w.days) for w in tl.weeks]


def gone_between(season: Season, first: dt.date, last: dt.date) -> dict[str, dt.date]:
    """The athletes who left the squad (:data:`LEFT_REASON`) before ``first`` and are away every
    day to ``last``: ID -> the day he left. An export of those days has nothing of theirs."""
    return {aid: _run_end(gone, first, -1)  # back to the day he left
            for aid, gone in _away_throughout(season, first, last, LEFT_REASON).items()}


def joins_after(season: Season, first: dt.date, last: dt.date) -> dict[str, dt.date]:
    """The signings not in the squad yet (:data:`JOINED_REASON`) every day from ``first`` to
    ``last``: ID -> the day he joins (after ``last``). An export of those days has nothing of
    theirs, as for :func:`gone_between`'s leavers."""
    return {aid: _run_end(before, last, 1) + dt.timedelta(days=1)  # on to the day he joins
            for aid, before in _away_throughout(season, first, last, JOINED_REASON).items()}


def _away_throughout(season: Season, first: dt.date, last: dt.date, reason: str) -> dict[str, set[dt.date]]:
    """The athletes not with the squad for ``reason`` every day from ``first`` to ``last``: ID ->
    all his days away for it (:func:`not_with_squad`)."""
    days = {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}
    out = {}
    for a in season.athletes:
        away = not_with_squad(season, a.id, frozenset({reason}))
        if away and days <= away:
            out[a.id] = away
    return out


def _run_end(days: set[dt.date], day: dt.date, step: int) -> dt.date:
    """The first (``step`` -1) or last (+1) day of the run of ``days`` that holds ``day``."""
    while day + dt.timedelta(days=step) in days:
        day += dt.timedelta(days=step)
    return day


def left_words(left: dt.date, stage: str | None = None, day_fmt=None) -> str:
    """``left the squad on Mon 14 Dec 2026 in P3`` (``stage``: the rehab stage he left in; none
    for a fit athlete): every place that says a leaver's day says it so (``day_fmt`` the date's
    words, by default the long day)."""
    from planner.text import day_long

    said = f"{LEFT_REASON} on {(day_fmt or day_long)(left)}"
    return said if stage is None or stage == FIT else f"{said} in {stage}"


def away_from_squad(season: Season, athlete_id: str, day: dt.date) -> str | None:
    """What ``day`` is for ``athlete_id`` when he is not with the squad: "left the squad on Mon 4
    Jan 2027", or "not in the squad yet: with the squad from Mon 11 Jan 2027" for a signing's
    days before he joined; None on a day with the squad (the stage and plan say it then)."""
    from planner.text import day_long

    left = not_with_squad(season, athlete_id, frozenset({LEFT_REASON}))
    if day in left:
        return left_words(_run_end(left, day, -1))
    before = not_with_squad(season, athlete_id, frozenset({JOINED_REASON}))
    if day in before:
        joins = _run_end(before, day, 1) + dt.timedelta(days=1)
        if joins > season.calendar.end:
            return JOINED_REASON
        return f"{JOINED_REASON}: with the squad from {day_long(joins)}"
    return None


def history_counts(season: Season, athlete_id: str) -> list[str]:
    """What the season records of ``athlete_id``'s past, counted ("99 logged sessions",
    "1 injury record", "2 criteria tests", "1 absence"): what deleting him takes away."""
    from planner.text import plural

    injuries = [i for i in season.injuries if i.athlete == athlete_id]
    counts = ((sum(1 for x in season.sessions if x.athlete == athlete_id), "logged session", None),
              (len(injuries), "injury record", None),
              (sum(len(i.tests) for i in injuries), "criteria test", None),
              (sum(1 for u in season.unavailability if u.athlete == athlete_id
                   and is_absence(u)),
               "absence", None))
    return [plural(n, word, many) for n, word, many in counts if n]


def left_on(season: Season, athlete_id: str) -> dt.date | None:
    """The day ``athlete_id`` left the squad (his first day away with :data:`LEFT_REASON`), or
    None: with the squad to the season's end."""
    days = [u.start for u in season.unavailability if u.athlete == athlete_id
            and squad_reason(u) == LEFT_REASON]
    return min(days, default=None)


def joined_on(season: Season, athlete_id: str) -> dt.date | None:
    """The day a signing joined the squad (the day after his last day :data:`JOINED_REASON`), or
    None: with the squad from the season's start, or joining after its end."""
    before = not_with_squad(season, athlete_id, frozenset({JOINED_REASON}))
    joins = max(before) + dt.timedelta(days=1) if before else None
    return joins if joins is not None and joins <= season.calendar.end else None


def id_form(text: object) -> str:
    """An ID as a near miss is compared: without its spacing, case aside, each number without
    its leading zeros ("A 05", "a5" and "A05" are one form)."""
    bare = "".join(str(text).split()).casefold()
    return re.sub(r"\d+", lambda m: m.group().lstrip("0") or "0", bare)


def next_ids(ids: Sequence[str], n: int = 1, taken: Iterable[str] = ()) -> list[str]:
    """``n`` free athlete IDs in the squad's own pattern: H19, H20 after H01-H18 (the prefix and
    width most of ``ids`` share, a tie to the pattern met first: over the squad in its order, as
    a set's order followed the hash seed), A01, A02, … for an empty squad or IDs without a
    number; none of ``ids`` nor ``taken`` (the Squad editor's Add and paste, the coach
    workbook's rows without an ID), nor one that reads as one of them (:func:`id_form`: no
    A04 beside an A4, which the importer and the command line take for the same ID)."""
    from collections import Counter

    used = {id_form(t) for t in (*ids, *taken)}
    parts = [(m[1], m[2]) for t in ids if (m := re.fullmatch(r"(\D*)(\d+)", t))]
    shapes = Counter((p, len(d)) for p, d in parts)
    prefix, width = shapes.most_common(1)[0][0] if shapes else ("A", 2)
    k = max((int(d) for p, d in parts if (p, len(d)) == (prefix, width)), default=0) + 1
    out: list[str] = []
    while len(out) < n:
        if id_form(aid := f"{prefix}{k:0{width}d}") not in used:
            out.append(aid)
        k += 1
    return out


# letters typed for the digits they look like (O for 0, I or l for 1, S for 5, B for 8)
LOOK_ALIKE = str.maketrans("oilsb", "01158")
LOOK_ALIKE_LONGEST = 12  # longer text is a name, not an ID typed with a look-alike letter


def look_alike_form(text: object) -> str:
    """:func:`id_form` with each look-alike letter read as its digit (:data:`LOOK_ALIKE`):
    "A1O", "AIO" and "a10" are one form."""
    return id_form("".join(str(text).split()).casefold().translate(LOOK_ALIKE))


def near_id(typed: str, ids) -> str | None:
    """The one ID of ``ids`` that ``typed`` writes but for spacing, case or leading zeros ("A 05"
    and "A5" for A05), else but for look-alike characters as well ("A1O" for A10, "AI3" for
    A13: :func:`look_alike_form`), or None. Its number is the same: not :func:`other_number`'s
    case. The log, the coach workbook and the command line suggest it before any ID that is
    merely close (A1O was told "did you mean 'A21'?")."""
    ids = list(dict.fromkeys(ids))
    form = id_form(typed)
    hits = [i for i in ids if id_form(i) == form] if form else []
    if not hits and form and len(form) <= LOOK_ALIKE_LONGEST:
        alike = look_alike_form(typed)
        hits = [i for i in ids if look_alike_form(i) == alike]
    return hits[0] if len(hits) == 1 else None


def other_number(typed: str, known: str) -> bool:
    """Do the IDs ``typed`` and ``known`` differ only in their digits (A22 and A27)? Then they
    name two players, and one is never suggested for the other: a sold player's rows "meant"
    for the signing with the next number would hand his log to someone else."""
    def letters(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().casefold())

    return typed.strip().casefold() != known.strip().casefold() and letters(typed) == letters(known)
