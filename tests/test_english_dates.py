"""Every date a coach reads is written in English, whatever the computer's language: day and
month names come from planner.text's own tables, never from strftime's %a/%b/%A/%B (the C
library's locale: "So 20 Dez 2026" on a German computer, "5 déc.." on a French one) nor from
Qt's locale (the app sets the C library's locale from the environment when it starts)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# strftime's directives that name a day or month in the computer's language (%c %x %h %p too)
LOCALE_DIRECTIVE = re.compile(r"%-?[aAbBchpx]")
# dates not yet written through planner.text; each must still hold one (the list only shrinks)
NOT_YET: set[str] = set()


def _format_specs(tree: ast.AST):
    """(line, spec) of each f-string format spec and each strftime/format call's literal format."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
            yield node.lineno, spec
        elif isinstance(node, ast.Call):
            yield from ((node.lineno, text) for text in _call_formats(node))


def _call_formats(node: ast.Call) -> list[str]:
    """The literal formats of ``d.strftime("…")``, ``q.toString("…")``, ``format(d, "…")`` and
    ``"…".format(d)``."""
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
    places = {"strftime": node.args[:1], "toString": node.args[:1], "format": node.args[1:2]}
    candidates = list(places.get(name, []))
    if name == "format" and isinstance(f, ast.Attribute):
        candidates.append(f.value)
    return [c.value for c in candidates if isinstance(c, ast.Constant) and isinstance(c.value, str)]


def _locale_dates(source: str) -> list[str]:
    hits = []
    for line, spec in _format_specs(ast.parse(source)):
        if LOCALE_DIRECTIVE.search(spec) or re.search(r"\b(ddd|MMM)", spec):
            hits.append(f"{line}: {spec!r}")
    return hits


def test_no_product_module_names_a_day_or_month_in_the_computers_language():
    found = {}
    for top in ("planner", "solver", "ui"):
        for p in sorted((ROOT / top).rglob("*.py")):
            rel = p.relative_to(ROOT).as_posix()
            hits = _locale_dates(p.read_text(encoding="utf-8"))
            if hits and rel not in NOT_YET:
                found[rel] = hits
            if rel in NOT_YET:
                assert hits, f"{rel} has no locale date left: take it off NOT_YET"
    assert not found, f"use planner.text's day/day_long/date_short/date_long: {found}"


def test_the_scan_finds_each_form_of_a_locale_date():
    for source in ('f"{d:%a} {d.day}"', 'f"{d.day} {d:%b %Y}"', 'f"{d:%A}"', 'd.strftime("%B")',
                   'f"{d:%-d %b}"', '"{:%a}".format(d)', 'q.toString("ddd d MMM")'):
        assert _locale_dates(source), source
    for source in ('f"{d:%H:%M}"', 'f"{d:%Y-%m-%d}"', 'd.strftime("%H.%M")', 'f"{x:.1f}"'):
        assert not _locale_dates(source), source


PROBE = textwrap.dedent("""
    import datetime as dt, locale
    locale.setlocale(locale.LC_ALL, "")
    d = dt.date(2026, 12, 20)
    assert f"{d:%a %b}" == "So Dez", f"{d:%a %b}"  # the locale is German
    from planner import text
    from planner.coachform.cells import to_date
    from ui.desktop.board import month_forms
    from ui.desktop.datefield import DateError, parse_date
    print(text.day(d), text.day_long(d), text.date_short(d), text.date_long(d), text.weekday_name(d),
          sep="|")
    print(*month_forms(dt.date(2027, 3, 1)), sep="|")
    print(parse_date("Sun 20 Dec 2026"), parse_date("20 Dez 2026"))
    try:
        parse_date("Mon 20 Dec 2026")
    except DateError as e:
        print(e)
    try:
        to_date(46376)
    except Exception as e:
        print(e)
""")


def _german_locale(tmp_path: Path) -> Path | None:
    """A de_DE.UTF-8 locale built into ``tmp_path`` (a few seconds); None without localedef."""
    if not shutil.which("localedef") or not Path("/usr/share/i18n/locales/de_DE").exists():
        return None
    out = tmp_path / "locale"
    out.mkdir()
    done = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", str(out / "de_DE.UTF-8")],
                          capture_output=True, timeout=60)
    return out if (out / "de_DE.UTF-8").exists() and done.returncode in (0, 1) else None


def test_dates_stay_english_on_a_german_computer(tmp_path):
    import pytest

    locpath = _german_locale(tmp_path)
    if locpath is None:
        pytest.skip("no localedef or de_DE locale source on this computer")
    env = {**os.environ, "LOCPATH": str(locpath), "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8",
           "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Sun 20 Dec|Sun 20 Dec 2026|20 Dec|20 Dec 2026|Sunday"
    assert lines[1] == "March 2027|Mar 2027|Mar \u201927|Mar"
    assert lines[2] == "2026-12-20 2026-12-20"  # English typed, and the computer's "Dez" still read
    assert lines[3] == "20 Dec 2026 is a Sunday, not a Monday"
    assert "as an Excel date it is Sun 20 Dec 2026: 2026-12-20" in lines[4]
