"""Periodize's own folder for what is no coach's file: the app's recovery copies (``recovery/``)
and a command's result that its season's folder could not take (``not-stored/``). It is
``platformdirs.user_state_dir("Periodize")``, or ``PERIODIZE_STATE_DIR``. No Qt: the command
line writes there too."""

from __future__ import annotations

import os
from pathlib import Path


def state_dir() -> Path:
    env = os.environ.get("PERIODIZE_STATE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_state_dir("Periodize", appauthor=False))


def not_stored_dir() -> Path:
    """Where a command keeps a season it could not save over its file (a full disk)."""
    return state_dir() / "not-stored"
