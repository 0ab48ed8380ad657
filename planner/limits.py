"""How big a season Periodize takes, and what a big one costs (``docs/reliability.md``).

Two kinds of limit:

- **Hard limits** on what a file may hold (bytes, nesting, list lengths). They only stop hostile
  or broken files from exhausting memory; a real season is far inside them. A file beyond one is
  refused with the place and the limit.
- **The supported size**: the season sizes the solver is measured on (up to
  ``SUPPORTED_ATHLETES`` athletes over two years). Larger seasons still load and solve, but a
  solve warns first, with the time and memory to expect (:func:`size_warning`).
"""

from __future__ import annotations

import os

MAX_FILE_BYTES = 256 * 1024 * 1024  # a season file (a 300 x 2-year season with a plan: ~6 MB)
MAX_DEPTH = 64  # JSON nesting (a season file nests about 8 deep)
MAX_ATHLETES = 1000
# competitions of a season file or a coach workbook: a match every day of a two-year season is
# 730, a sevens tournament's day six; 10,000 (40 matches a day) read for minutes (the app's
# window froze) and planned no season
MAX_COMPETITIONS = 2000
MAX_ITEMS = 100_000  # any other list of the document (competitions, pins, roles, ...)
MAX_SCENARIOS = 500
MAX_SCENARIO_EDITS = 10_000

SUPPORTED_ATHLETES = 300  # the largest squad measured: 300 athletes x 2 years
WARN_ATHLETE_DAYS = 100_000  # above this a solve says what to expect
# Measured (docs/reliability.md): peak memory ~ 90 MiB + 14.5 KiB per athlete-day to plan, and a
# first plan after ~ 50 us per athlete-day on 2 cores (300 x 728: ~3.2 GiB, ~10 s).
_MIB_BASE, _KIB_PER_ATHLETE_DAY = 90, 14.5
_FIRST_PLAN_S_PER_ATHLETE_DAY = 5e-5


def not_a_file(path: str | os.PathLike, what: str) -> str | None:
    """Why ``path`` is no ``what`` ("season file", "plan JSON", "session log") to read, when it
    is a folder, a pipe or a device (None: a regular file, or nothing there, which the reader
    says). Looked at before the file is opened: opening a pipe (a FIFO) waits for a writer, for
    ever, and a device such as /dev/zero has no end."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not a {what}"
    return f"is not a regular file (a device or a pipe); give a {what} saved as a file"


def nesting_problem(data: object, limit: int = MAX_DEPTH) -> str | None:
    """Where ``data`` (parsed JSON) nests deeper than ``limit``, or None. Iterative: any depth."""
    stack: list[tuple[object, int, str]] = [(data, 0, "")]
    while stack:
        node, depth, path = stack.pop()
        if depth > limit:
            return (f"{path or '(top level)'}: nested more than {limit} levels deep; a season "
                    f"file nests about 8 levels, so this is not one Periodize wrote")
        if isinstance(node, dict):
            stack.extend((v, depth + 1, f"{path}.{_key(k)}" if path else _key(k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, depth + 1, f"{path}[{i}]") for i, v in enumerate(node))
    return None


def _key(k: object) -> str:
    text = str(k)
    return text if len(text) <= 40 else text[:40] + "…"


def count_problems(data: dict) -> list[str]:
    """Lists of a raw season dict longer than the hard limits, each located."""
    out = []
    for key, value in data.items():
        if isinstance(value, list):
            limit = {"athletes": MAX_ATHLETES, "competitions": MAX_COMPETITIONS,
                     "scenarios": MAX_SCENARIOS}.get(key, MAX_ITEMS)
            if len(value) > limit:
                out.append(f"{_key(key)}: {len(value):,} entries; at most {limit:,} are possible")
    for i, sc in enumerate(data.get("scenarios") or [] if isinstance(data.get("scenarios"), list) else []):
        edits = sc.get("edits") if isinstance(sc, dict) else None
        if isinstance(edits, list) and len(edits) > MAX_SCENARIO_EDITS:
            out.append(f"scenarios[{i}].edits: {len(edits):,} edits; at most "
                       f"{MAX_SCENARIO_EDITS:,} are possible")
    cal = data.get("calendar")
    if isinstance(cal, dict) and isinstance(cal.get("non_training_days"), list) \
            and len(cal["non_training_days"]) > MAX_ITEMS:
        out.append(f"calendar.non_training_days: {len(cal['non_training_days']):,} entries; at "
                   f"most {MAX_ITEMS:,} are possible")
    return out


# -- what a solve costs -----------------------------------------------------------------------------
def athlete_days(season) -> tuple[int, int]:
    """(athletes, days to plan): the days from the planning start to the season's end."""
    from planner.season import planning_start  # the season model stays out of the file checks

    return len(season.athletes), max(0, (season.calendar.end - planning_start(season)).days + 1)


def expected_memory_mib(season) -> int:
    n, days = athlete_days(season)
    return int(_MIB_BASE + n * days * _KIB_PER_ATHLETE_DAY / 1024)


def expected_first_plan_s(season) -> float:
    n, days = athlete_days(season)
    return n * days * _FIRST_PLAN_S_PER_ATHLETE_DAY


def available_memory_mib() -> int | None:
    """Memory the system can still give (Linux ``MemAvailable``), None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)
    except (ValueError, OSError, AttributeError):
        return None


def size_warning(season, time_limit: float) -> str | None:
    """What to expect from solving a season beyond the comfortable size, or None."""
    n, days = athlete_days(season)
    if n * days <= WARN_ATHLETE_DAYS and n <= SUPPORTED_ATHLETES:
        return None
    mib = expected_memory_mib(season)
    first = expected_first_plan_s(season)
    text = (f"A large season: {n:,} athletes x {days:,} days to plan. Expect about "
            f"{_gib(mib)} of memory and a first plan after about {first:.0f} s on a 2-core "
            f"laptop (longer on a busy one)")
    if n > SUPPORTED_ATHLETES:
        text += f"; more than {SUPPORTED_ATHLETES} athletes is beyond the sizes Periodize is measured on"
    free = available_memory_mib()
    if free is not None and mib > free:
        text += f"; this computer has about {_gib(free)} free, which may not be enough"
    if time_limit < 3 * first:
        text += (f". The time limit of {time_limit:g} s may be too short: allow --time-limit "
                 f"{suggested_time_limit(season)}")
    return text + "."


def suggested_time_limit(season) -> int:
    """A time limit that leaves the search room for a first plan and some improvement."""
    first = expected_first_plan_s(season)
    return max(60, int(-(-6 * first // 30) * 30))


def _gib(mib: int) -> str:
    return f"{mib / 1024:.1f} GB" if mib >= 1024 else f"{mib} MB"

