"""Writes templates/import-template.xlsx, the coach workbook form that ships with Periodize.

Run ``python scripts/make_import_template.py`` after changing the form in
``planner/coachform/`` (its sheets and columns in spec.py, dropdowns or example rows in
write.py); the .xlsx file is
what ships. ``periodize export SEASON --template OUT.xlsx`` writes a season in the same form.
The workbook's dates (created, modified, its parts') are fixed, so running it again with the form
unchanged writes the same bytes and leaves git nothing to commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner.coachform.spec import TEMPLATE_NAME  # noqa: E402
from planner.coachform.write import save_template_form  # noqa: E402

STAMP = dt.datetime(2026, 1, 1)  # the template's created and modified time: fixed, not the clock


def main(argv: list[str] | None = None) -> int:
    out = ROOT / "templates" / TEMPLATE_NAME
    argparse.ArgumentParser(
        prog="make_import_template.py",
        description=f"Write {out.relative_to(ROOT)}, the coach workbook form that ships with "
                    "Periodize, from planner/coachform/ (run it after changing the form).").parse_args(argv)
    save_template_form(None, out, stamp=STAMP)
    print(f"Wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
