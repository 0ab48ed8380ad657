"""Fuzzing of season files and coach workbooks with Hypothesis (``make soak``; not in ``make
test``). Every case must end as a season (which round-trips through the season file) or as an
InputError whose every problem is located; anything else is a crash.

    SOAK_EXAMPLES=10000 pytest tests/reliability/soak_fuzz.py -s
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from planner.errors import InputError
from planner.season import Season
from planner.seasonfile import dumps, loads, season_from_dict, season_to_dict
from tests.reliability.figures import record

EXAMPLES = int(os.environ.get("SOAK_EXAMPLES", "10000"))
NOISE = [0, 1, 1, 2]  # per workbook: quiet, a few odd cells, a lot
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
                suppress_health_check=list(HealthCheck))
SOURCE = "fuzz.season.json"
TRIGGERS = ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "=cmd|' /C calc'!A0", "#N/A", "＝1"]
ODD = TRIGGERS + ["", " ", "A01", "P2", "FIT", "2027-01-10", "2027-13-45", "start", "x" * 300,
                  "iliopsoas-tendinopathy", "hamstring-strain", "mon", "HV-2", "\u202e", "null",
                  "9" * 40, "ü"]


# -- what "located" means ------------------------------------------------------------------------------
def _season_keys() -> tuple[str, ...]:
    return tuple(Season.model_fields) + ("format", "schema_version", "(top level)")


_LINE = re.compile(r"^line \d+, column \d+: ")
_WHOLE = ("not a season file", "nested more than", "is not UTF-8", "the file is empty")


def located_season_problem(problem: str) -> bool:
    """A problem names the place: a document path (``athletes[3].name: ...``), a JSON line and
    column, or the whole file when the whole file is the matter."""
    if _LINE.match(problem) or problem.startswith(_WHOLE):
        return True
    head = problem.split(":", 1)[0]
    return any(head == k or head.startswith((k + "[", k + ".", k + " ")) for k in _season_keys())


class Tally:
    def __init__(self, name: str):
        self.name = name
        self.cases = self.accepted = self.rejected = 0
        self.unlocated: list[str] = []


def _check_season(data, tally: Tally) -> None:
    tally.cases += 1
    try:
        s = season_from_dict(data, SOURCE) if not isinstance(data, str) else loads(data, SOURCE)
    except InputError as e:
        tally.rejected += 1
        bad = [p for p in e.problems if not located_season_problem(p)]
        if e.source != SOURCE or bad:
            tally.unlocated.append(f"{e.source}: {bad[:2]}")
        assert not bad and e.source == SOURCE, (e.source, bad)
        return
    tally.accepted += 1
    assert loads(dumps(s), SOURCE) == s  # what loads, saves and loads again unchanged


# -- season files ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bases():
    """Seasons to mutate: small ones with an injury, pins, a scenario and a solved plan, and the
    demo season."""
    from planner import edits as E
    from planner.season import IntensityPin
    from planner.seasonfile import load_season
    from solver import SolveRequest, solve
    from templates import path
    from tests.builders import day, injury, season

    s = season(weeks=3, athletes=3, injuries=(injury("A1", stage="P2", start_day=-3),),
               pins=(IntensityPin(athlete="A2", date=day(2), intensity=80),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=20)).plan})
    s = E.AddScenario(name="Later", edits=(E.MoveCompetition(competition="m0", date=day(6)).to_dict(),)).apply(s)
    demo = load_season(path("demo.season.json"))
    return [season_to_dict(s), season_to_dict(season(weeks=1, athletes=1)), season_to_dict(demo)]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**15) | st.floats() | st.sampled_from(ODD)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.sampled_from(
        ["id", "name", "date", "start", "end", "athlete", "stage", "op", "kind", "intensity"]), inner, max_size=4),
    max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node[:6]):
            yield from _paths(v, prefix + (i,))


def _mutate(data, path, action, value):
    """``data`` (a deep copy) with the node at ``path`` replaced, removed or duplicated."""
    data = json.loads(json.dumps(data))
    if not path:
        return value if action == "replace" else data
    parent = data
    for p in path[:-1]:
        parent = parent[p]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "remove":
        del parent[last]
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, json.loads(json.dumps(parent[last])))
    elif action == "duplicate":
        parent[last] = [parent[last], parent[last]]
    return data


def _at(data, path):
    for p in path:
        data = data[p]
    return data


def _similar(node):
    """A value of the same kind as ``node``: a plausible edit rather than noise."""
    if isinstance(node, bool):
        return st.booleans()
    if isinstance(node, int):
        return st.integers(node - 40, node + 40) | st.sampled_from([0, -1, 10**9])
    if isinstance(node, float):
        return st.floats(allow_nan=False) | st.integers(-5, 500)
    if isinstance(node, str):
        try:
            d = dt.date.fromisoformat(node)
            return st.integers(-400, 400).map(lambda k: (d + dt.timedelta(days=k)).isoformat())
        except ValueError:
            return st.sampled_from(ODD) | st.text(max_size=12)
    return JSON


@st.composite
def mutated(draw, bases):
    data = draw(st.sampled_from(bases))
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["similar", "similar", "similar", "replace", "remove", "duplicate"]))
        value = draw(_similar(_at(data, path)) if action == "similar" else JSON)
        data = _mutate(data, path, "replace" if action == "similar" else action, value)
    return data


SEASON_TALLY = Tally("season files")


def test_fuzz_season_files(bases):
    @FUZZ
    @seed(15)
    @given(st.one_of(mutated(bases), mutated(bases), mutated(bases), JSON,
                     st.text(max_size=200), st.sampled_from(['{"format":', "[" * 5000, "{}", "1e999999"])))
    def case(data):
        _check_season(data, SEASON_TALLY)

    case()
    t = SEASON_TALLY
    assert not t.unlocated
    record("Season files fuzzed (mutated seasons, random JSON and text)",
           f"{t.cases:,} cases: {t.accepted:,} loaded and round-tripped, {t.rejected:,} rejected, "
           f"0 crashes, 0 rejections without a place",
           f"SOAK_EXAMPLES={EXAMPLES} pytest tests/reliability/soak_fuzz.py -k season -s")


# -- coach workbooks -------------------------------------------------------------------------------------
def _sheets():
    from planner.coachform.spec import SEASON_SHEET, SHEETS

    return SEASON_SHEET, SHEETS


def _good(kind: str):
    from planner.protocols import available_protocols

    d0 = dt.date(2027, 1, 4)
    dates = st.integers(-10, 90).map(lambda i: d0 + dt.timedelta(days=i))
    return {
        "date": dates | dates.map(dt.date.isoformat) | dates.map(lambda d: dt.datetime(d.year, d.month, d.day)),
        "id": st.sampled_from(["A01", "A02", "A03"]),
        "priority": st.sampled_from(["A", "B", "C", "a"]),
        "protocol": st.sampled_from(available_protocols()),
        "stage": st.sampled_from(["P1", "P2", "P3", "S1", "S2", "S3", "FIT"]),
        "number": st.integers(0, 100) | st.floats(0, 100, allow_nan=False),
        "role": st.sampled_from(["start", "bench", "out"]),
        "criterion": st.sampled_from(["Hamstring strength LSI", "hip-flexor strength LSI", "pain score"]),
        "text": st.sampled_from(["League match", "Cup final", "Ben Hart", "Defender", "Cup final 2027-01-09"]),
    }.get(kind, st.text(max_size=10))


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
JUNK = (st.none() | TEXT | st.sampled_from(ODD) | st.integers(-10**9, 10**12) | st.booleans()
        | st.floats(allow_nan=False, allow_infinity=False) | st.dates().map(lambda d: dt.datetime(d.year, d.month, d.day))
        | st.sampled_from(["#N/A", "#REF!", "=1/0", "=A1"]))


@st.composite
def workbooks(draw):
    """A workbook spec {sheet title: rows}: a coherent coach workbook (the form's sheets and
    columns, sensible values) with noise drawn per workbook: none, a few odd cells, or a lot
    (odd values, missing and shuffled columns, sheets left out or renamed)."""
    season_title, sheets = _sheets()
    noise = draw(st.sampled_from(NOISE))

    def cell(kind: str):
        good = _good(kind)
        if noise == 0:
            return draw(good)
        return draw(st.one_of(*([good] * (12 if noise == 1 else 2)), JUNK))

    book: dict[str, list[list]] = {}
    season_rows = [["Key", "Value"], ["Name", cell("text")], ["Start", dt.date(2027, 1, 4) if noise < 2 else cell("date")],
                   ["End", dt.date(2027, 3, 28) if noise < 2 else cell("date")]]
    if draw(st.booleans()):
        season_rows.append(["Today", cell("date")])
    if draw(st.booleans()):
        key = draw(st.sampled_from(["Training days", "Week starts"] + (["Trainig days"] if noise else [])))
        season_rows.append([key, draw(st.sampled_from(["mon, tue, thu, fri", "Mon-Sat", "monday"]))
                            if key == "Training days" else draw(st.sampled_from(["monday", "sun"]))])
    if noise < 2 or draw(st.integers(0, 9)) > 0:
        book[season_title if noise < 2 else draw(st.sampled_from([season_title, " season ", "SEASON"]))] = season_rows
    for spec in sheets:
        if noise == 0 and spec.title in ("Stage history", "Flare-ups", "Tests", "Roles"):
            continue  # rows that depend on others: left to the noisy workbooks
        required = spec.title in ("Athletes", "Competitions", "Injuries")
        if not (required and (noise < 2 or draw(st.integers(0, 9)) > 0)) and not draw(st.integers(0, 9)) < 3:
            continue
        header = [c.header for c in spec.columns if c.required or draw(st.booleans())]
        if noise == 2 and draw(st.integers(0, 4)) == 0:
            header = draw(st.permutations(header + [draw(TEXT)]))[: len(header)]
        kinds = {c.header: c.kind for c in spec.columns}
        rows = [list(header)]
        count = 3 if spec.title == "Athletes" and noise < 2 else draw(st.integers(0 if noise else 1, 3))
        for i in range(count):
            row = {h: cell(kinds.get(h, "text")) for h in header}
            if noise < 2:
                row.update((k, v) for k, v in _coherent(spec.title, i, draw).items() if k in row)
            rows.append([row[h] for h in header])
        book[spec.title] = rows
    return book


def _coherent(title: str, i: int, draw) -> dict:
    """Values that agree with each other (IDs, an injury's dates and stage, a range's order), so
    quiet workbooks import and reach the season checks."""
    d0 = dt.date(2027, 1, 4)
    k = draw(st.integers(0, 60))
    if title == "Athletes":
        return {"ID": f"A0{i + 1}", "Max speed": draw(st.sampled_from([8.4, 9.1, 9.7, None]))}
    if title == "Injuries":
        return {"Athlete ID": f"A0{i + 1}", "Protocol": "hamstring-strain", "Stage": "P1",
                "Onset": d0 - dt.timedelta(days=3), "Stage start": d0 - dt.timedelta(days=2),
                "Target competition": None}
    if title == "Competitions":
        return {"Date": d0 + dt.timedelta(days=k), "End date": draw(st.sampled_from(
            [None, d0 + dt.timedelta(days=k + 1)]))}
    if title == "Non-training days":
        return {"Date": d0 + dt.timedelta(days=k)}
    if title in ("Unavailable", "Blocks"):
        return {"From": d0 + dt.timedelta(days=k), "To": d0 + dt.timedelta(days=k + draw(st.integers(0, 9)))}
    if title in ("Stage history", "Flare-ups", "Tests"):
        return {"Athlete ID": "A09"} if draw(st.booleans()) else {}  # mostly refused: dependent rows
    return {}


def _write(book: dict, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    for title, rows in book.items():
        ws = wb.create_sheet(title[:31] or "Sheet")
        for row in rows:
            ws.append(row)
    wb.save(path)


def located_workbook_problem(problem: str, titles: set[str]) -> bool:
    from planner.coachform.spec import SHEET_ORDER

    head = re.split(r"[,:]", problem, maxsplit=1)[0].strip()
    return head in set(SHEET_ORDER) | titles or problem.startswith(("cannot be read", "the workbook"))


BOOK_TALLY = Tally("coach workbooks")


def test_fuzz_coach_workbooks():
    from openpyxl.utils.exceptions import IllegalCharacterError

    from planner.coachform.read import import_workbook

    folder = Path(tempfile.mkdtemp(prefix="periodize-fuzz-"))

    @FUZZ
    @seed(15)
    @given(workbooks())
    def case(book):
        path = folder / "fuzz.xlsx"
        try:
            _write(book, path)
        except (IllegalCharacterError, ValueError):
            return  # openpyxl cannot write it: not a workbook a coach can have
        t = BOOK_TALLY
        t.cases += 1
        try:
            s = import_workbook(path)
        except InputError as e:
            t.rejected += 1
            titles = {k.strip() for k in book}
            bad = [p for p in e.problems if not located_workbook_problem(p, titles)]
            if bad or e.source != str(path):
                t.unlocated.append(str(bad[:2]))
            assert not bad and e.source == str(path), bad
            return
        t.accepted += 1
        assert loads(dumps(s)) == s

    case()
    t = BOOK_TALLY
    assert not t.unlocated
    record("Coach workbooks fuzzed (the form's sheets, headers and cells, sensible and hostile)",
           f"{t.cases:,} workbooks: {t.accepted:,} imported (and round-tripped as season files), "
           f"{t.rejected:,} rejected, 0 crashes, 0 rejections without a sheet",
           f"SOAK_EXAMPLES={EXAMPLES} pytest tests/reliability/soak_fuzz.py -k workbooks -s")
