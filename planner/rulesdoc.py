"""Generates ``docs/rules.md`` from the rule table: ``python -m planner.rulesdoc > docs/rules.md``.

A test keeps the committed file equal to this output, so the reference never drifts.
"""

from __future__ import annotations

from planner.citations import cite
from planner.protocols import available_protocols, load_protocol
from planner.rules import EVIDENCE, RULES

TAGS = " · ".join(f"{tag} {words}" for tag, words in EVIDENCE.items()) + " (an editable default)"


def _num(v: float) -> str:
    return f"{v:g}"


def rules_markdown() -> str:
    out = ["# Rules reference", "",
           "Generated from `planner/rules.py` by `python -m planner.rulesdoc`; do not edit by hand.",
           "Exact semantics: `docs/semantics.md`. Evidence tags: " + TAGS + ".", ""]
    for hard in (True, False):
        out += [f"## {'Hard rules (never broken)' if hard else 'Soft rules (penalised, can be switched off or made hard)'}", ""]
        out += ["| id | rule | parameters (default, range) | evidence |", "|---|---|---|---|"]
        for r in RULES.values():
            if r.hard != hard:
                continue
            params = "; ".join(f"`{p.name}` {p.default_text} ({p.range_text})"
                               for p in r.params) or "—"
            out.append(f"| {r.id} | **{r.title}**: {r.summary} | {params} | {r.evidence} "
                       f"{', '.join(r.citations)} |")
        out.append("")
    out += ["## Rehab protocols", ""]
    for pid in available_protocols():
        p = load_protocol(pid)
        out += [f"### {p.name} (`{p.id}`)", "", p.notes, "",
                "| stage | meaning | cap (% max speed) | kicking | change of direction | days | exit |",
                "|---|---|---|---|---|---|---|"]
        for s in p.stages:
            out.append(f"| {s.id} | {s.title} | {s.cap} | {s.kicking} | {s.cod} | "
                       f"{s.min_days}–{s.max_days} | {s.exit_text} |")
        out += ["", f"Evidence: {p.evidence}; {', '.join(p.citations)}.", ""]
    keys = sorted({k for r in RULES.values() for k in r.citations} |
                  {k for pid in available_protocols() for k in load_protocol(pid).citations})
    out += ["## References", ""] + [f"- **{k}**: {cite(k)}" for k in keys] + [""]
    return "\n".join(out)


if __name__ == "__main__":
    print(rules_markdown(), end="")
