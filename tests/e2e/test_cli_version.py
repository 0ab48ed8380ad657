"""``periodize --version`` and the two ways to run the command line without the entry point."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata

import pytest

import planner
from tests.reliability.hostile import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(ROOT)})


def _pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.mark.parametrize("module", ["ui.cli.main", "ui.cli"])
def test_version_prints_the_projects_version_and_nothing_on_stderr(module):
    r = _run("-m", module, "--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"periodize {_pyproject_version()}\n"  # read apart from what the code prints
    assert r.stderr == ""  # python -m ui.cli.main warned that ui.cli had imported it already


def test_the_version_is_pyprojects_installed_or_from_the_source_tree(monkeypatch):
    try:
        installed = metadata.version("periodize")
    except metadata.PackageNotFoundError:
        installed = None
    planner.project_version.cache_clear()
    assert planner.project_version() == (installed or _pyproject_version())

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    planner.project_version.cache_clear()
    try:
        assert planner.project_version() == _pyproject_version()
        assert planner.__version__ == _pyproject_version()
    finally:
        planner.project_version.cache_clear()
