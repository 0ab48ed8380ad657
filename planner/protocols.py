"""Rehab protocol templates (rules-spec.md section 4): stages, caps, durations, exit requirements."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from planner.errors import InputError, PeriodizeError
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
    """A protocol from its JSON object; InputError with every located problem."""
    reader = _ProtocolReader()
    pid = reader.need(data, "id", "protocol")
    raw_stages = data.get("stages")
    if not isinstance(raw_stages, list) or not raw_stages:
        reader.problems.append("protocol.stages: missing or empty; list the protocol's stages")
        raw_stages = []
    stages = [spec for i, s in enumerate(raw_stages) if (spec := reader.stage(s, f"stages[{i}]"))]
    if reader.problems:
        raise InputError(source, reader.problems)
    pain_flare = data.get("pain_flare", 5)
    if isinstance(pain_flare, bool) or not isinstance(pain_flare, int) or not 0 <= pain_flare <= 10:
        raise InputError(source, [f"protocol.pain_flare: {pain_flare!r} is not a whole number 0-10"])
    return Protocol(
        id=pid, name=str(data.get("name", pid)), evidence=str(data.get("evidence", "J")),
        citations=tuple(data.get("citations", ())), notes=str(data.get("notes", "")),
        stages=tuple(stages), pain_flare=pain_flare, pain_rule=str(data.get("pain_rule", "")),
    )


class _ProtocolReader:
    """Reads a protocol's fields and stages, collecting every problem (stages in order)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.last = -1  # the order of the last stage read

    def need(self, obj: dict, key: str, where: str, kind=str):
        if key not in obj:
            self.problems.append(f"{where}.{key}: missing; add it")
            return kind()
        v = obj[key]
        if kind is int and (isinstance(v, bool) or not isinstance(v, int)):
            self.problems.append(f"{where}.{key}: {v!r} is not a whole number")
            return 0
        if kind is str and not isinstance(v, str):
            self.problems.append(f"{where}.{key}: {v!r} is not text")
            return ""
        return v

    def stage(self, s: object, w: str) -> StageSpec | None:
        if not isinstance(s, dict):
            self.problems.append(f"{w}: not an object")
            return None
        sid = self.need(s, "id", w)
        if sid not in REHAB_STAGES:
            self.problems.append(f"{w}.id: {sid!r} is not one of {', '.join(REHAB_STAGES)}")
            return None
        order = REHAB_STAGES.index(sid)
        if order <= self.last:
            self.problems.append(f"{w}.id: {sid} is out of order; stages follow {', '.join(REHAB_STAGES)}")
        self.last = max(self.last, order)
        cap = self.need(s, "cap", w, int)
        if cap not in LEVELS:
            self.problems.append(f"{w}.cap: {cap} is not one of {LEVELS}")
        lo, hi = self.need(s, "min_days", w, int), self.need(s, "max_days", w, int)
        if not (1 <= lo <= hi):
            self.problems.append(f"{w}: min_days {lo} and max_days {hi} must satisfy 1 <= min <= max")
        kind, exit_days = self.exit(s.get("exit", {}), w, cap, lo)
        return StageSpec(
            id=sid, title=str(s.get("title", sid)), content=str(s.get("content", "")), cap=cap,
            kicking=str(s.get("kicking", "")), cod=str(s.get("cod", "")), min_days=lo, max_days=hi,
            exit_kind=kind or "min_days", exit_days=exit_days, exit_text=str(s.get("exit_text", "")),
            criteria=self.criteria(s.get("criteria", []), w), evidence=str(s.get("evidence", "J")),
            load=self.load(s.get("load"), w), between=self.text(s, "between", w),
        )

    def text(self, s: dict, key: str, w: str) -> str:
        """An optional text field ("" when absent)."""
        v = s.get(key, "")
        if not isinstance(v, str):
            self.problems.append(f"{w}.{key}: {v!r} is not text; write the words in quotes")
            return ""
        return v.strip()

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

    def exit(self, ex: object, w: str, cap: int, min_days: int) -> tuple[str | None, int]:
        """The exit requirement: its kind and the days at the cap it asks (0 for min_days)."""
        kind = ex.get("kind") if isinstance(ex, dict) else None
        if kind not in ("min_days", "days_at_cap"):
            self.problems.append(f"{w}.exit.kind: {kind!r} is not 'min_days' or 'days_at_cap'")
        if kind != "days_at_cap":
            return kind, 0
        exit_days = int(ex.get("days", 0))
        if not (1 <= exit_days <= min_days):
            self.problems.append(f"{w}.exit.days: {exit_days} must be between 1 and min_days")
        if cap == 0:
            self.problems.append(f"{w}.exit: a stage with cap 0 cannot require days at its cap")
        return kind, exit_days

    def criteria(self, items: list, w: str) -> tuple[Criterion, ...]:
        out = []
        for j, c in enumerate(items):
            try:
                out.append(Criterion(str(c["name"]), str(c.get("unit", "")), float(c["pass"]),
                                     self.better(c, f"{w}.criteria[{j}]")))
            except (KeyError, TypeError, ValueError):
                self.problems.append(f"{w}.criteria[{j}]: needs 'name' and a numeric 'pass'")
        return tuple(out)

    def better(self, c: dict, w: str) -> str:
        """"higher" or "lower" (any case): required, since a pain score read the wrong way round
        would pass a gate it fails."""
        if "better" not in c:
            self.problems.append(f'{w}.better: missing; add "higher" or "lower" (which way a result passes)')
            return "higher"
        v = c["better"]
        if not isinstance(v, str) or v.strip().lower() not in BETTER:
            self.problems.append(f"{w}.better: {v!r} is not 'higher' or 'lower'")
            return "higher"
        return v.strip().lower()


BETTER = ("higher", "lower")  # which way a criterion's result passes


@cache
def available_protocols() -> tuple[str, ...]:
    from templates import path

    folder = path("protocols")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@cache
def load_protocol(protocol_id: str) -> Protocol:
    """The bundled protocol template ``protocol_id``; InputError naming the known ones if absent."""
    from templates import path

    if protocol_id not in available_protocols():
        raise InputError("", [
            f"unknown protocol {protocol_id!r}; use one of {', '.join(available_protocols())}"
        ])
    res = path("protocols").joinpath(protocol_id + ".json")
    source = f"templates/protocols/{protocol_id}.json"
    try:
        data = json.loads(res.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise InputError(source, [f"line {e.lineno}: not valid JSON ({e.msg})"]) from None
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
