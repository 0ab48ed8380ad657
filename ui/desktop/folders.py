"""The folder each file dialog opens in, remembered per season file (QSettings).

A coach with two teams, or last year's season beside this one, keeps each season's files in
its own folders: one folder remembered for all seasons opened another club's folder, and Save
put this club's plan among its files.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

EXPORT_FOLDER_KEY = "lastExportDir"  # + "/export", "/handouts", "/calendars", "/import", …
SEASON_FOLDERS_KEY = "seasonFolders"  # JSON: {season file: {kind: folder}}
MAX_SEASON_FOLDERS = 50  # season files remembered; the oldest is forgotten first


def _season_file(window) -> str | None:
    """The open season's file, as the key of its folders (None: a season never saved)."""
    path = getattr(window, "path", None)
    return str(Path(path).resolve()) if path is not None else None


def _season_folders() -> dict[str, dict[str, str]]:
    try:
        folders = json.loads(str(QSettings().value(SEASON_FOLDERS_KEY, "") or "{}"))
    except ValueError:  # not ours: forgotten, never a traceback
        return {}
    return folders if isinstance(folders, dict) else {}


def dialog_folder(window, kind: str) -> str:
    """The folder a file dialog of ``kind`` (``export``, ``handouts``, ``calendars``,
    ``import``, ``sessions``, ``comparison``, ``review``) opens in: the last one used for it with this
    season file, while it is there, else the season file's folder; for a season never saved,
    the last one used for it with any season, else the last folder used. One folder for all
    seasons opened another club's folder, and Save mixed their files."""
    season_file = _season_file(window)
    if season_file is not None:
        last = _season_folders().get(season_file, {}).get(kind, "")
        return last if isinstance(last, str) and last and Path(last).is_dir() \
            else str(Path(season_file).parent)
    last = str(QSettings().value(f"{EXPORT_FOLDER_KEY}/{kind}", "") or "")
    return last if last and Path(last).is_dir() else str(QSettings().value("lastDir",
                                                                             str(Path.home())))


def remember_dialog_folder(window, kind: str, path: str | Path, is_folder: bool = False) -> None:
    """The folder of ``path`` (or ``path``, ``is_folder``) is where the next ``kind`` dialog of
    this season file opens (and of a season never saved)."""
    folder = str(Path(path) if is_folder else Path(path).parent)
    settings = QSettings()
    settings.setValue(f"{EXPORT_FOLDER_KEY}/{kind}", folder)
    season_file = _season_file(window)
    if season_file is None:
        return
    folders = _season_folders()
    kinds = folders.pop(season_file, {})
    folders[season_file] = {**(kinds if isinstance(kinds, dict) else {}), kind: folder}
    keep = list(folders)[-MAX_SEASON_FOLDERS:]  # the last used last
    settings.setValue(SEASON_FOLDERS_KEY, json.dumps({f: folders[f] for f in keep}))
