"""Rehab protocol templates: stages, caps, durations, exit requirements (the file's fields:
docs/architecture.md, "Where a new protocol goes")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from planner.citations import CITATIONS
from planner.errors import InputError, PeriodizeError, not_a_known_field
from planner.jsonread import KeysOnce, json_problem
from planner.season import LEVELS, REHAB_STAGES
from planner.units import measure


@dataclass(frozen=True)
class Criterion:
    name: str
    unit: str
    pass_mark: float
    better: str  # "higher" or "lower"

    def passes(self, value: float) -> bool:
        return value >= self.pass_mark if self.better == "higher" else value <= self.pass_mark

    @property
    def sign(self) -> str:
        """How a result passes: ``≥`` the pass mark (higher is better) or ``≤`` it."""
        return "≥" if self.better == "higher" else "≤"

    @property
    def bar(self) -> str:
        """The result that passes: ``≥ 75 %``, ``≤ 0/10``."""
        return f"{self.sign} {measure(self.pass_mark, self.unit)}"

    @property
    def mark(self) -> str:
        """The test with the mark that passes it, as the pages print it: ``Hamstring strength LSI
        ≥ 75 %``, ``Pain during max sprint ≤ 0/10``."""
        return f"{self.name} {self.bar}"


@dataclass(frozen=True)
class StageSpec:
    id: str
    title: str
    content: str
    cap: int
    kicking: str
    cod: str
    min_days: int
    max_days: int
    exit_kind: str  # "min_days" or "days_at_cap"
    exit_days: int  # days at cap required (0 for min_days)
    exit_text: str
    criteria: tuple[Criterion, ...]
    evidence: str
    load: tuple[float, float] | None = None  # (minutes, RPE) of a training day; None: the rule set's
    # a tendon stage loaded every second day: what a rehab day between two loading days holds
    # (the prescriptions alternate; docs/sessions.md "Days between loading days"); "": every day
    between: str = ""


    @property
    def choice(self) -> str:
        """The stage in a list to choose from: ``P2 (≤ 70 %) Jogging``, ``P1 (no running)
        Pain-free isometrics`` (a cap of 0 read "≤ 0 %": meaningless to a coach)."""
        return f"{self.id} ({cap_mark(self.cap)}) {self.title}"


def cap_mark(cap: int) -> str:
    """A stage's speed cap in brackets beside its name: ``≤ 70 %``, ``no running`` for 0."""
    return "no running" if cap == 0 else f"≤ {cap} %"


@dataclass(frozen=True)
class Protocol:
    id: str
    name: str
    evidence: str
    citations: tuple[str, ...]
    notes: str
    stages: tuple[StageSpec, ...]
    pain_flare: int = 5  # a logged pain at or above it proposes a flare-up (rules-spec.md 9)
    pain_rule: str = ""  # how much pain an exercise may provoke, in the protocol's words

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stages)

    def stage(self, stage_id: str) -> StageSpec:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)

    def index(self, stage_id: str) -> int:
        return self.stage_ids.index(stage_id)

    def cap(self, stage_id: str) -> int:
        if stage_id == "FIT":
            return 100
        if stage_id == "INJ":
            return 0
        return self.stage(stage_id).cap

    def previous_cap(self, stage_id: str) -> int:
        """Cap of the stage before ``stage_id`` (0 for the first stage): the ladder credit."""
        i = self.index(stage_id)
        return self.stages[i - 1].cap if i > 0 else 0


def parse_protocol(data: dict, source: str) -> Protocol:
    """A protocol from its JSON object (docs/architecture.md "Where a new protocol goes"); InputError
    with every located problem."""
    if not isinstance(data, dict):
        raise InputError(source, ["protocol: not an object; write the protocol as {\"id\": ..., \"stages\": [...]}"])
    reader = _ProtocolReader()
    reader.unknown(data, PROTOCOL_FIELDS, "protocol")
    pid = reader.need(data, "id", "protocol")
    raw_stages = data.get("stages")
    if not isinstance(raw_stages, list) or not raw_stages:
        reader.problems.append("protocol.stages: missing or empty; list the protocol's stages")
        raw_stages = []
    stages = [spec for i, s in enumerate(raw_stages) if (spec := reader.stage(s, f"stages[{i}]"))]
    pain_flare = data.get("pain_flare", 5)
    if isinstance(pain_flare, bool) or not isinstance(pain_flare, int) or not 0 <= pain_flare <= 10:
        reader.problems.append(f"protocol.pain_flare: {pain_flare!r} is not a whole number 0-10")
    citations = reader.citations(data.get("citations", []))
    top = {key: reader.text(data, key, "protocol", default) for key, default in
           (("name", pid or ""), ("evidence", "J"), ("notes", ""), ("pain_rule", ""))}
    if reader.problems:
        raise InputError(source, reader.problems)
    return Protocol(
        id=pid, name=top["name"], evidence=top["evidence"], citations=citations, notes=top["notes"],
        stages=tuple(stages), pain_flare=pain_flare, pain_rule=top["pain_rule"],
    )


# the fields a protocol file may hold, at each level (docs/architecture.md "Where a new protocol goes")
PROTOCOL_FIELDS = ("id", "name", "evidence", "citations", "notes", "pain_rule", "pain_flare", "stages")
STAGE_FIELDS = ("id", "title", "content", "cap", "kicking", "cod", "min_days", "max_days", "exit",
                "exit_text", "criteria", "evidence", "load", "between")
EXIT_FIELDS = ("kind", "days")
CRITERION_FIELDS = ("name", "unit", "pass", "better")
BETTER = ("higher", "lower")  # which way a criterion's result passes


class _ProtocolReader:
    """Reads a protocol's fields and stages, collecting every problem (stages in order)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.last = -1  # the order of the last stage read
        self.prev: tuple[str, int] | None = None  # the last stage read with a cap: (id, cap)

    def need(self, obj: dict, key: str, where: str, kind=str):
        """A required field; None (the problem said) when it is missing or not a ``kind``."""
        if key not in obj:
            self.problems.append(f"{where}.{key}: missing; add it")
            return None
        v = obj[key]
        if kind is int and (isinstance(v, bool) or not isinstance(v, int)):
            self.problems.append(f"{where}.{key}: {v!r} is not a whole number")
            return None
        if kind is str and not isinstance(v, str):
            self.problems.append(f"{where}.{key}: {v!r} is not text")
            return None
        if kind is dict and not isinstance(v, dict):
            self.problems.append(f"{where}.{key}: {v!r} is not an object")
            return None
        return v

    def unknown(self, obj: dict, known: tuple[str, ...], where: str) -> None:
        """Each field of ``obj`` not in ``known``, with the known one it seems a misspelling of."""
        self.problems += [f"{where}.{key}: {not_a_known_field(key, known)}"
                          for key in obj if key not in known]

    def stage(self, s: object, w: str) -> StageSpec | None:
        if not isinstance(s, dict):
            self.problems.append(f"{w}: not an object")
            return None
        sid = self.need(s, "id", w)
        if sid is not None and sid not in REHAB_STAGES:
            self.problems.append(f"{w}.id: {sid!r} is not one of {', '.join(REHAB_STAGES)}")
            sid = None
        w = f"{w} ({sid})" if sid else w
        self.unknown(s, STAGE_FIELDS, w)
        if sid is None:
            return None
        order = REHAB_STAGES.index(sid)
        if order <= self.last:
            self.problems.append(f"{w}.id: {sid} is out of order; stages follow {', '.join(REHAB_STAGES)}")
        self.last = max(self.last, order)
        cap = self.cap(s, w, sid)
        lo, hi = self.need(s, "min_days", w, int), self.need(s, "max_days", w, int)
        if lo is not None and hi is not None and not (1 <= lo <= hi):
            self.problems.append(f"{w}: min_days {lo} and max_days {hi} must satisfy 1 <= min <= max")
        kind, exit_days = self.exit(s, w, cap, lo)
        return StageSpec(
            id=sid, title=self.text(s, "title", w, sid), content=self.text(s, "content", w), cap=cap or 0,
            kicking=self.text(s, "kicking", w), cod=self.text(s, "cod", w), min_days=lo or 0,
            max_days=hi or 0, exit_kind=kind or "min_days", exit_days=exit_days,
            exit_text=self.text(s, "exit_text", w), criteria=self.criteria(s, w),
            evidence=self.text(s, "evidence", w, "J"), load=self.load(s.get("load"), w),
            between=self.text(s, "between", w),
        )

    def cap(self, s: dict, w: str, sid: str) -> int | None:
        """The stage's speed cap: one of the levels, never below the stage before's."""
        cap = self.need(s, "cap", w, int)
        if cap is None:
            return None
        if cap not in LEVELS:
            self.problems.append(f"{w}.cap: {cap} is not one of {', '.join(map(str, LEVELS))}")
        elif self.prev is not None and cap < self.prev[1]:
            self.problems.append(f"{w}.cap: {cap} is below {self.prev[0]}'s {self.prev[1]}; "
                                 f"caps rise stage by stage")
        self.prev = (sid, cap)
        return cap

    def text(self, s: dict, key: str, w: str, default: str = "") -> str:
        """An optional text field (``default`` when absent)."""
        v = s.get(key, default)
        if not isinstance(v, str):
            self.problems.append(f"{w}.{key}: {v!r} is not text; write the words in quotes")
            return ""
        return v.strip()

    def citations(self, raw: object) -> tuple[str, ...]:
        """The protocol's citation keys, each one of planner/citations.py's."""
        if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
            self.problems.append(f"protocol.citations: {raw!r} is not a list of citation keys "
                                 f"(\"Heiderscheit10\"); the keys are in planner/citations.py")
            return ()
        self.problems += [f"protocol.citations[{i}]: {k!r} is not a key of planner/citations.py; "
                          f"add the reference there or use a key it lists"
                          for i, k in enumerate(raw) if k not in CITATIONS]
        return tuple(raw)

    def load(self, raw: object, w: str) -> tuple[float, float] | None:
        """A stage's own session load (rules-spec.md section 8): ``{"minutes": 45, "rpe": 3}``."""
        if raw is None:
            return None
        if not isinstance(raw, dict) or set(raw) != {"minutes", "rpe"}:
            self.problems.append(f'{w}.load: write {{"minutes": 45, "rpe": 3}} (both numbers, nothing else)')
            return None
        out = []
        for key, hi in (("minutes", 240), ("rpe", 10)):
            v = raw[key]
            if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= hi:
                self.problems.append(f"{w}.load.{key}: {v!r} is not a number from 0 to {hi}")
                return None
            out.append(float(v))
        return out[0], out[1]

    def exit(self, s: dict, w: str, cap: int | None, min_days: int | None) -> tuple[str | None, int]:
        """The exit requirement: its kind and the days at the cap it asks (0 for min_days)."""
        ex = self.need(s, "exit", w, dict)
        if ex is None:
            return None, 0
        self.unknown(ex, EXIT_FIELDS, f"{w}.exit")
        kind = ex.get("kind")
        if kind not in ("min_days", "days_at_cap"):
            self.problems.append(f"{w}.exit.kind: {kind!r} is not 'min_days' or 'days_at_cap'")
        if kind != "days_at_cap":
            return kind, 0
        exit_days = self.need(ex, "days", f"{w}.exit", int)
        if exit_days is not None and min_days is not None and not (1 <= exit_days <= min_days):
            self.problems.append(f"{w}.exit.days: {exit_days} must be between 1 and min_days ({min_days})")
        if cap == 0:
            self.problems.append(f"{w}.exit: a stage with cap 0 cannot require days at its cap")
        return kind, exit_days or 0

    def criteria(self, s: dict, w: str) -> tuple[Criterion, ...]:
        items = s.get("criteria", [])
        if not isinstance(items, list):
            self.problems.append(f"{w}.criteria: {'an object' if isinstance(items, dict) else repr(items)}, "
                                 f"not a list; write [{{\"name\": ..., \"unit\": ..., \"pass\": ..., "
                                 f"\"better\": ...}}, ...]")
            return ()
        out = [self.criterion(c, f"{w}.criteria[{j}]") for j, c in enumerate(items)]
        return tuple(c for c in out if c is not None)

    def criterion(self, c: object, w: str) -> Criterion | None:
        """A test a stage's exit asks, with its pass mark and the way a result passes."""
        if not isinstance(c, dict):
            self.problems.append(f"{w}: not an object")
            return None
        self.unknown(c, CRITERION_FIELDS, w)
        name, unit = self.need(c, "name", w), self.text(c, "unit", w)
        mark = c.get("pass")
        if isinstance(mark, bool) or not isinstance(mark, int | float):
            self.problems.append(f"{w}.pass: {'missing; add the pass mark' if 'pass' not in c else f'{mark!r} is not a number'}")
            mark = None
        better = self.better(c, w)
        if name is None or mark is None or better is None:
            return None
        return Criterion(name, unit, float(mark), better)

    def better(self, c: dict, w: str) -> str | None:
        """"higher" or "lower" (any case): required, since a pain score read the wrong way round
        would pass a gate it fails."""
        if "better" not in c:
            self.problems.append(f"{w}.better: missing; add \"higher\" or \"lower\" (which way a result passes)")
            return None
        v = c["better"]
        if not isinstance(v, str) or v.strip().lower() not in BETTER:
            self.problems.append(f"{w}.better: {v!r} is not 'higher' or 'lower'")
            return None
        return v.strip().lower()


@cache
def available_protocols() -> tuple[str, ...]:
    from templates import path

    folder = path("protocols")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


def readable_protocols() -> tuple[tuple[Protocol, ...], tuple[InputError, ...]]:
    """The bundled protocols that read, and the problems of each file that does not: a list to
    choose a protocol from leaves a broken file out (the app says it once) instead of stopping."""
    good, broken = [], []
    for pid in available_protocols():
        try:
            good.append(load_protocol(pid))
        except InputError as e:
            broken.append(e)
    return tuple(good), tuple(broken)


@cache
def load_protocol(protocol_id: str) -> Protocol:
    """The bundled protocol template ``protocol_id``; InputError naming the known ones if absent."""
    from templates import path

    if protocol_id not in available_protocols():
        raise InputError("", [
            f"unknown protocol {protocol_id!r}; use one of {', '.join(available_protocols())}"
        ])
    res = path("protocols").joinpath(protocol_id + ".json")
    source = str(res)  # where the coach finds the file: the installed package's folder
    once = KeysOnce()
    try:  # utf-8-sig: a file saved by Notepad starts with a BOM
        data = json.loads(res.read_text(encoding="utf-8-sig"), object_pairs_hook=once)
    except json.JSONDecodeError as e:
        raise InputError(source, [json_problem(e, "protocol")]) from None
    if twice := once.problems(data):
        raise InputError(source, twice)
    proto = parse_protocol(data, source)
    if proto.id != protocol_id:
        raise InputError(source, [f"id {proto.id!r} does not match the file name"])
    return proto


def protocol_name(pid: str) -> str:
    """A protocol as a coach reads it ("Hamstring strain"), not its file name (the file name in
    words when the template is unknown)."""
    try:
        return load_protocol(pid).name
    except PeriodizeError:
        return pid.replace("-", " ").capitalize()
