"""Benchmarks (``make bench``); not part of ``make test``."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> str:
    """The machine a benchmark ran on, for the results' heading."""
    cpu = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
