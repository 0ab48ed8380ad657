"""The coach's documentation, where a test reads what it promises: the README (the introduction,
a first season, short overviews) and the pages split out of it, docs/guide.md (the app, menu by
menu), docs/cli.md (every command) and docs/file-format.md, with the other docs pages."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def guide_pages() -> list[Path]:
    """README.md first, then every docs/*.md page."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def guide_text() -> str:
    """The text of :func:`guide_pages`, one after the other."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in guide_pages())


def readme_section(heading: str) -> str:
    """The README's section whose heading starts with ``heading`` ("Another sport"), to the next
    heading of its level or above: where a message of the app sends a coach (README, "Another
    sport")."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"^(#+) {re.escape(heading)}[^\n]*\n(.*)", text, flags=re.S | re.M)
    assert m, f"the README has no section {heading!r}"
    level = len(m.group(1))
    body = re.split(rf"^#{{1,{level}}} ", m.group(2), maxsplit=1, flags=re.M)[0]
    return body
