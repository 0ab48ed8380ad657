"""Every relative link and #anchor in README.md and docs/*.md leads somewhere, and the pages split
out of the README read as pages: the split into docs/guide.md, docs/cli.md and docs/file-format.md
moved text between pages, and a link that lands on the top of a 100 KB page, or on no page, or a
section that says each thing twice, leaves a coach searching (review 238). Anchors
are GitHub's: the heading in lower case, punctuation dropped, spaces as hyphens, a repeated
heading's anchor followed by -1, -2, …; an HTML ``<a id=…>`` or ``name=…`` counts too. Help ▸
Getting Started and Help ▸ User Guide follow the same anchors (ui/desktop/helpdocs.py)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tests.guidetext import guide_pages, readme_section

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
HTML_ANCHOR = re.compile(r"<a\s[^>]*(?:id|name)=\"([^\"]+)\"", re.I)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading's text: markup dropped (`code`, *emphasis*, a link's
    target), lower case, each character that is not a letter, digit, space, ``-`` or ``_``
    dropped, spaces as hyphens."""
    text = re.sub(r"\]\([^)]*\)", "]", heading)  # a link in a heading: its text
    text = re.sub(r"<[^>]+>|[`*\[\]]", "", text).strip().lower()
    out = []
    for ch in text:
        if ch == " ":
            out.append("-")
        elif ch in "-_" or unicodedata.category(ch)[0] in "LNM":
            out.append(ch)
    return "".join(out)


def anchors(text: str) -> set[str]:
    """The anchors a page offers: each heading's (outside code blocks), numbered as GitHub
    numbers repeats, and each HTML anchor."""
    seen: dict[str, int] = {}
    found = set(HTML_ANCHOR.findall(text))
    for m in HEADING.finditer(FENCE.sub("", text)):
        s = slug(m.group(1))
        if s in seen:
            seen[s] += 1
            found.add(f"{s}-{seen[s]}")
        else:
            seen[s] = 0
            found.add(s)
    return found


def broken_links(page: Path) -> list[str]:
    """``page:line: link (what is wrong)`` for each relative link of ``page`` whose file is
    missing, or whose #anchor is no heading of the page it names."""
    text = page.read_text(encoding="utf-8")
    # code blocks and code spans hold examples, not links; keep the line count
    prose = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    prose = CODE.sub(lambda m: "" if "](" in m.group(0) else m.group(0), prose)
    out = []
    for m in LINK.finditer(prose):
        link = m.group(1)
        if re.match(r"[a-z][a-z0-9+.-]*:", link, re.I):  # http:, https:, mailto:
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        name = f"docs/{page.name}" if page.parent.name == "docs" else page.name
        where = f"{name}:{prose.count(chr(10), 0, m.start()) + 1}: {link}"
        if not target.exists():
            out.append(f"{where} (no such file)")
        elif anchor and target.suffix == ".md" and \
                anchor not in anchors(target.read_text(encoding="utf-8")):
            out.append(f"{where} (no heading {target.name}#{anchor})")
    return out


def test_every_relative_link_and_anchor_of_the_guide_resolves():
    pages = guide_pages()
    assert {p.name for p in pages} >= {"README.md", "guide.md", "cli.md", "file-format.md"}
    broken = [line for p in pages for line in broken_links(p)]
    assert not broken, "links that lead nowhere:\n" + "\n".join(broken)


def test_the_check_finds_a_missing_page_a_missing_heading_and_reads_githubs_anchors(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(
        "# Guide\n\n## The session log (CSV, Excel)\n\n### `sessions`\n\n## Notes\n\n## Notes\n\n"
        "## Another sport (basketball, hockey, …)\n\n<a id=\"kept\"></a>\n\n"
        "```sh\n# not a heading\n[not](a-link.md)\n```\n", encoding="utf-8")
    page = tmp_path / "README.md"
    page.write_text(
        "[ok](docs/a.md#the-session-log-csv-excel) [ok](docs/a.md#sessions) "
        "[ok](docs/a.md#notes-1) [ok](docs/a.md#another-sport-basketball-hockey-) "
        "[ok](docs/a.md#kept) [web](https://example.org/x#y) `[code](nowhere.md)`\n"
        "[gone](docs/b.md)\n[lost](docs/a.md#notes-2) [lost](docs/a.md#not-a-heading)\n",
        encoding="utf-8")
    assert broken_links(page) == [
        "README.md:2: docs/b.md (no such file)",
        "README.md:3: docs/a.md#notes-2 (no heading a.md#notes-2)",
        "README.md:3: docs/a.md#not-a-heading (no heading a.md#not-a-heading)"]


def _sections(text: str, level: int = 2) -> list[tuple[str, str]]:
    """(heading, body) of each heading of ``level`` (its body up to the next heading of that
    level or above), code blocks aside."""
    parts = re.split(rf"^(#{{1,{level}}} .*)$", FENCE.sub("", text), flags=re.M)
    return [(parts[i].lstrip("#").strip(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def test_no_page_names_itself_where_a_link_to_its_heading_would_do():
    """docs/file-format.md sent its reader to 'docs/file-format.md, "Updates"', a heading 30 lines
    below on the same page."""
    named = [f"docs/{p.name}" for p in guide_pages()[1:]
             if f"docs/{p.name}" in CODE.sub("", LINK.sub("", p.read_text(encoding="utf-8")))]
    assert not named, f"link to the heading instead of naming the page itself: {named}"


def test_the_readmes_session_log_link_lands_on_the_session_log():
    """README ▸ File formats ▸ Session log went to the season file's JSON `sessions` table; the log
    a coach exports from a GPS or RPE app has a heading of its own, naming its columns."""
    entry = next(line for line in readme_section("File formats").split("\n- ")
                 if line.startswith("**Session log**"))
    anchor = re.search(r"\(docs/file-format\.md#([^)]+)\)", entry).group(1)
    text = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    section = [(h, body) for h, body in _sections(text, 3) if slug(h) == anchor]
    assert section and "session log" in section[0][0].lower(), (anchor, section[:1])
    assert all(f"`{column}`" in section[0][1] for column in (
        "Athlete ID", "Date", "Minutes", "RPE", "Top speed %", "Top speed m/s", "Minutes played"))


def test_the_user_guide_has_a_heading_per_part_of_the_app_and_a_contents_list():
    """docs/guide.md's "Everything the app does" was one 800-line list under one heading: no
    anchor for the board, pins, exports, autosave or the rehab protocols, and no contents."""
    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    body = dict(_sections(text))["Everything the app does"]
    parts = re.findall(r"^### (.+)$", body, flags=re.M)
    assert len(parts) >= 12, parts
    for part in re.split(r"^### .+$", body, flags=re.M)[1:]:  # a few bullets a heading, at most
        assert len(re.findall(r"^- ", part, flags=re.M)) <= 3
    contents = text.split("## Everything the app does", 1)[0]
    listed = re.findall(r"\]\(#([^)]+)\)", contents)
    assert listed == [slug(h) for h in re.findall(r"^#{2,3} (.+)$", FENCE.sub("", text), re.M)]
    # what the guide sends a coach to on another page is a link to it, not "(below)"
    assert "file-format.md#a-player-not-planned-yet" in text


def _repeats(text: str, words: int = 12) -> set[str]:
    """Each run of ``words`` words that a text holds twice: tables (a column's cells repeat
    each other by design), code blocks and quoted messages of five words or more (a message
    shown in two places) aside."""
    text = re.sub(r"^\|.*$", "", FENCE.sub("", text), flags=re.M)
    text = re.sub(r"`[^`]*`|\"[^\"\n]*\"", lambda m: "" if len(m.group(0).split()) >= 5
                  else m.group(0), text)
    seq = re.findall(r"\w+", text.lower())
    seen: set[str] = set()
    twice: set[str] = set()
    for i in range(len(seq) - words + 1):
        run = " ".join(seq[i:i + words])
        (twice if run in seen else seen).add(run)
    return twice


def test_no_section_of_the_file_formats_says_the_same_twice():
    """The README's entries moved on top of docs/file-format.md's sections, each followed by the
    section's old opening: the session log's columns, a handout's away week, … twice."""
    text = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    said = {h: sorted(_repeats(body))[:3] for h, body in _sections(text) if _repeats(body)}
    assert not said, said
    assert _repeats("a week the athlete is away every day with nothing logged is one line; "
                    "and a week the athlete is away every day with nothing logged is one line")


def test_the_readme_tells_a_first_time_coach_the_demos_dates_its_log_and_the_protocols():
    """Review 274: the app said "126 days before the computer's date" and the README did not
    say what it meant, nor where a session log to try the weekly loop is, nor which rehab
    protocols ship (only a link to the guide)."""
    import json

    from planner.seasonfile import load_season
    from planner.text import day_long

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    cal = load_season(ROOT / "templates" / "demo.season.json").calendar
    assert cal.today is None  # its today is its first day until moved, as the README says
    assert f"The demo's dates are fixed, {day_long(cal.start)} to {day_long(cal.end)}" in readme
    assert (f"\"Today in this season is {day_long(cal.start)}, N days before the computer's "
            f"date\", says so, and its **Move Today…** button is the answer") in readme
    assert "[`templates/demo-sessions.csv`](templates/demo-sessions.csv)" in readme
    assert (ROOT / "templates" / "demo-sessions.csv").is_file()
    shipped = sorted((ROOT / "templates" / "protocols").glob("*.json"))
    assert shipped
    for p in shipped:
        name = json.loads(p.read_text(encoding="utf-8"))["name"]
        assert name.casefold() in readme.casefold(), name
