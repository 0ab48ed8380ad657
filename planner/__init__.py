"""Periodize domain: the season document, rules, rehab protocols, plans and the plan checker.

Pure Python: this package imports neither Qt nor OR-Tools.
"""

from functools import cache

from planner.errors import InputError, PeriodizeError, SaveError

__all__ = ["InputError", "PeriodizeError", "SaveError", "project_version"]


@cache
def project_version() -> str:
    """The version pyproject.toml gives the project: the installed one's (package metadata), else,
    in a source tree never installed, that tree's pyproject.toml; "unknown" without either."""
    from importlib import metadata
    try:
        return metadata.version("periodize")
    except metadata.PackageNotFoundError:
        return _source_version()


def _source_version() -> str:
    import tomllib
    from pathlib import Path
    try:
        with (Path(__file__).resolve().parents[1] / "pyproject.toml").open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return "unknown"


def __getattr__(name: str):  # ``planner.__version__``, read only when asked for (the About box)
    if name == "__version__":
        return project_version()
    raise AttributeError(f"module 'planner' has no attribute {name!r}")
