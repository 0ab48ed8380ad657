"""Figures of the soak runs (``make soak``): each run records what it measured with the command
that reproduces it; ``python -m tests.reliability.figures`` prints them as the table that
``docs/reliability.md`` shows."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

FILE = Path(os.environ.get("PERIODIZE_SOAK_FIGURES", Path(__file__).resolve().parents[2] / ".soak" / "figures.jsonl"))


def record(what: str, value: str, command: str) -> None:
    """Append one figure (also printed, for ``pytest -s``)."""
    FILE.parent.mkdir(parents=True, exist_ok=True)
    row = {"what": what, "value": value, "command": command,
           "when": time.strftime("%Y-%m-%d %H:%M"), "machine": machine()}
    with FILE.open("a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    print(f"\nFIGURE  {what}: {value}   ({command})")


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


_WRAP = ("import resource, subprocess, sys\n"
         "r = subprocess.run(sys.argv[1:])\n"
         "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
         "sys.exit(r.returncode)\n")


def peak_rss_mib_of(argv: list[str], **kw) -> tuple[int, float, int, str, str]:
    """Run ``argv`` (through a wrapper whose only child it is); (exit status, seconds, peak
    resident MiB of that process, stdout, stderr)."""
    import subprocess

    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-c", _WRAP, *argv], capture_output=True, text=True, **kw)
    took = time.monotonic() - t0
    lines = r.stderr.splitlines()
    kb = next((int(x.split()[1]) for x in reversed(lines) if x.startswith("PEAK_RSS_KB")), 0)
    err = "\n".join(x for x in lines if not x.startswith("PEAK_RSS_KB"))
    return r.returncode, took, kb // 1024, r.stdout, err


def main() -> int:
    if not FILE.exists():
        print("no figures yet: run make soak")
        return 1
    rows = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    latest: dict[str, dict] = {}
    for r in rows:
        latest[r["what"]] = r
    print("| figure | measured | command |\n|---|---|---|")
    for r in latest.values():
        print(f"| {r['what']} | {r['value']} | `{r['command']}` |")
    print(f"\n{len(latest)} figures; machine: {rows[-1]['machine']}; last run {rows[-1]['when']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
