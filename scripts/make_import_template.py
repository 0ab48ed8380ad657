"""Writes templates/import-template.xlsx, the coach workbook form that ships with Periodize.

Run ``python scripts/make_import_template.py`` after changing the form in
``planner/coachform/`` (its sheets and columns in spec.py, dropdowns or example rows in
write.py); the .xlsx file is
what ships. ``periodize export SEASON --template OUT.xlsx`` writes a season in the same form.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner.coachform.spec import TEMPLATE_NAME  # noqa: E402
from planner.coachform.write import save_template_form  # noqa: E402


def main() -> int:
    out = ROOT / "templates" / TEMPLATE_NAME
    save_template_form(None, out)
    print(f"Wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
