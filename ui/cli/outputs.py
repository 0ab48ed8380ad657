"""The files a command writes: paths checked before any work is done, then every requested
output of a plan (JSON, Excel, iCal, the board PDF, the coach workbook), anonymised on request
(``planner.anonymise``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

KINDS = ("json", "xlsx", "ics", "pdf", "template")
NEED_A_PLAN = ("xlsx", "json", "ics")


def out_path(path: str, what: str) -> Path:
    """A file the command will write: its folder must exist and it must not be a folder."""
    from planner.errors import InputError

    p = Path(path)
    if p.exists() and p.is_dir():
        raise InputError(str(p), [f"is a folder; give a file name for the {what}"])
    if not p.parent.exists():
        raise InputError(str(p), [f"the folder {p.parent} does not exist; create it or choose another"])
    return p


def ics_dir(path: str) -> Path:
    """The folder for one calendar file per athlete (created when missing)."""
    from planner.errors import InputError

    p = Path(path)
    if p.exists() and not p.is_dir():
        raise InputError(str(p), ["is a file; give a folder for the calendar files (one per athlete)"])
    if not p.exists() and not p.parent.exists():
        raise InputError(str(p), [f"the folder {p.parent} does not exist; create it or choose another"])
    return p


def requested(args) -> dict[str, Path | None]:
    """The requested output paths (None: not asked for), checked before any work is done."""
    what = {"json": "plan JSON", "xlsx": "workbook", "pdf": "PDF", "template": "workbook"}
    out: dict[str, Path | None] = {}
    for kind in KINDS:
        value = getattr(args, kind, None)
        if not value:
            out[kind] = None
        elif kind == "ics":
            out[kind] = ics_dir(value)
        else:
            out[kind] = out_path(value, what[kind])
    return out


def headless_qt() -> None:
    """Qt without a display (a server, CI, ssh): the offscreen platform, set before Qt starts."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write(season, plan, outputs: dict[str, Path | None], anonymise: bool) -> None:
    """Write every requested output of ``plan`` (None: only those that need no plan)."""
    note = " (anonymised)" if anonymise else ""
    if plan is not None:
        _write_plan_files(season, plan, outputs, anonymise, note)
    if outputs.get("pdf"):
        _write_pdf(season, plan, outputs["pdf"], anonymise, note)
    if outputs.get("template"):
        from planner.coachform.write import save_template_form

        save_template_form(season, outputs["template"])
        print(f"Wrote the season as a coach workbook to {outputs['template']} (edit it, then "
              f"'periodize import {outputs['template']} -o FILE.season.json')")


def _write_plan_files(season, plan, outputs, anonymise: bool, note: str) -> None:
    if outputs.get("json"):
        from planner.anonymise import anonymised
        from planner.planjson import plan_to_json
        from planner.seasonfile import atomic_write

        s, p = anonymised(season, plan) if anonymise else (season, plan)
        atomic_write(outputs["json"], plan_to_json(s, p))
        print(f"Wrote the plan{note} to {outputs['json']}")
    if outputs.get("xlsx"):
        from planner.xlsx_export import export_workbook

        export_workbook(season, plan, outputs["xlsx"], anonymise=anonymise)
        print(f"Wrote the workbook{note} to {outputs['xlsx']}")
    if outputs.get("ics"):
        from planner.ical import export_calendars

        files = export_calendars(season, plan, outputs["ics"], anonymise=anonymise)
        print(f"Wrote {len(files)} calendar file(s){note} to {outputs['ics']}")


def _write_pdf(season, plan, path: Path, anonymise: bool, note: str) -> None:
    from planner.text import plural

    headless_qt()
    from ui.desktop.pdf import export_board_pdf  # Qt, only for the PDF

    pages = export_board_pdf(season.model_copy(update={"plan": plan}), path, anonymise=anonymise)
    print(f"Wrote the season board ({plural(pages, 'page')}){note} to {path}"
          + ("" if plan is not None else "; no plan yet, so no intensities"))
