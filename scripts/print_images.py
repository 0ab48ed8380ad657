"""The guide's pictures of the printed exports (docs/guide.md): the workbook's one-page Overview
and an athlete's handout page, from the demo season solved
(``python scripts/print_images.py docs/screenshots``).

Needs LibreOffice (``soffice``) and poppler's ``pdftoppm`` (``apt-get install
libreoffice-calc-nogui poppler-utils``): the workbook is printed to PDF as a coach would print it,
then each page becomes a PNG.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HANDOUT = ("A07", 10)  # Kofi Mensah, the week he is back in full training (1-based week)
DPI = 110


def _first_page_headed(pdf: Path, label: str, pages: int = 12) -> int:
    """The first of the first ``pages`` pages whose header (its first line) ends in ``label``."""
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf),
                               "-"], check=True, capture_output=True, text=True).stdout
        head = next((line for line in text.splitlines() if line.strip()), "")
        if head.rstrip().endswith(label):
            return page
    raise SystemExit(f"no page headed {label!r} among the first {pages} of {pdf}")


def _png(pdf: Path, page: int, out: Path) -> None:
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)


def main(folder: str = "docs/screenshots") -> int:
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: apt-get install libreoffice-calc-nogui poppler-utils")
            return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from planner.xlsx_export import export_workbook
    from tests.exports.demo import solved_demo
    from ui.desktop.handouts import export_handouts_pdf

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    season = solved_demo()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book = tmp / "demo.xlsx"
        export_workbook(season, season.plan, book)
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(book)],
                       check=True, capture_output=True, timeout=600)
        # the Overview follows the Cover, whose pages vary: the first page headed "Overview"
        _png(tmp / "demo.pdf", _first_page_headed(tmp / "demo.pdf", "Overview"),
             out / "print-overview.png")
        handout = tmp / "handout.pdf"
        athlete, week = HANDOUT
        export_handouts_pdf(season, season.plan, handout, [athlete], [week - 1])
        _png(handout, 1, out / "print-handout.png")
    print(f"Wrote {out / 'print-overview.png'} and {out / 'print-handout.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
