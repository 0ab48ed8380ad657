"""The machine-readable plan (interfaces.md section 3): write it, and read it back for checking."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planner.errors import InputError
from planner.season import (
    FIT,
    INJ,
    LEVELS,
    PLAY_LEVEL,
    PLAYED_LEVELS,
    REHAB_STAGES,
    AthletePlan,
    Plan,
    Season,
    SoftViolation,
)
from planner.squad import unplanned
from planner.timeline import Timeline, in_day_order

FORMAT = "periodize-plan"
SCHEMA_VERSION = 2
READABLE = (1, 2)  # a version-1 plan has no roles, loads or returns: they are recomputed
STAGES = REHAB_STAGES + (INJ, FIT)
KINDS = ("load", "deload", "taper")
STAGE_WORDS = ", ".join(f'"{x}"' for x in STAGES)


def day_roles(season: Season, tl: Timeline, ap: AthletePlan) -> list[str | None]:
    """Per day: on a competition day the athlete's role as the plan has it (``start`` at 100,
    ``bench`` at 80 while FIT, otherwise ``out``), None on other days."""
    roles: list[str | None] = []
    for i in range(tl.n):
        if not tl.is_comp[i]:
            roles.append(None)
        elif ap.stages[i] == FIT and ap.intensity[i] in PLAYED_LEVELS:
            roles.append("start" if ap.intensity[i] == PLAY_LEVEL["start"] else "bench")
        else:
            roles.append("out")
    return roles


def _return_dict(r, anonymise: bool = False) -> dict:
    iso = (lambda d: d.isoformat() if d else None)  # noqa: E731
    return {"fit": iso(r.fit), "first_match": iso(r.first_match), "target": r.target,
            "target_id": r.target_id, "target_met": r.target_met, "provisional": r.provisional,
            "onset": None if anonymise else r.onset.isoformat(),
            "protocol": None if anonymise else r.protocol,
            "past": r.past}


def _athlete_dict(season: Season, tl: Timeline, ap: AthletePlan, labels: list, dates: list,
                  week_starts: list, provisional: list[bool], rets: list,
                  sessions: list[str | None] | None, al, anonymise: bool = False,
                  placeholder: bool = False) -> dict:
    """One athlete's entry; ``placeholder``: his row waits for a solve (``Plan.unplanned``), so
    no day has a session and a day's load is the logged one, else 0."""
    a = season.athlete(ap.athlete)
    off = tl.unavailable(a.id)
    roles = day_roles(season, tl, ap)
    sessions = sessions if sessions and not placeholder else [None] * tl.n
    loads = [x if not placeholder or al.as_logged(al.season_start + i) else 0
             for i, x in enumerate(al.load[al.season_start:al.season_start + tl.n])]
    week_loads = [_au(sum(loads[i] for i in w.days)) for w in tl.weeks]
    days = [{"date": dates[i], "md": labels[i], "stage": ap.stages[i], "intensity": ap.intensity[i],
             "available": i not in off, "role": roles[i], "load": _au(loads[i]),
             "session": sessions[i], "provisional": provisional[i]}
            for i in range(tl.n)]
    _mark_logged(season, tl, al, a.id, days)
    return {
        "id": a.id,
        "name": a.name,
        "weeks": [{"start": s, "kind": k, "load": x}
                  for s, k, x in zip(week_starts, ap.weeks, week_loads, strict=True)],
        "days": days,
        # the return under the injury that governs the planning start (or the next one), else
        # the latest one the season recorded before today: a player whose return was accepted
        # a week before his target match read null, and a returns dashboard lost him; and every
        # return of the season's injury records (several records per athlete, schema 2), those
        # recorded before today (past) and those from the planning start on (a return on today
        # itself included, though RTS counts nothing of it)
        "return": _return_dict(_current(rets), anonymise) if rets else None,
        "returns": [_return_dict(r, anonymise) for r in rets],
    }


def _mark_logged(season: Season, tl: Timeline, al, aid: str, days: list[dict]) -> None:
    """Each day's ``logged``: whether its ``load`` is the logged one (the load series decides,
    ``AthleteLoad.as_logged``), and on such a day ``logged_top_speed_ms`` (the highest top
    speed logged, m/s; null when none was logged, or a percentage without a max speed)."""
    from planner.history import logged_days

    log = logged_days(season, aid)
    for i, d in enumerate(days):
        d["logged"] = al.as_logged(al.season_start + i)
        if d["logged"]:
            ms = log[tl.days[i]].top_ms
            d["logged_top_speed_ms"] = None if ms is None else round(ms, 2)


def _current(rets: list):
    """The return an athlete's ``return`` gives: the first not yet past (the injury governing
    the planning start, or the next one), else the latest the season recorded."""
    return next((r for r in rets if not r.past), rets[-1])


def _au(x: float) -> int | float:
    """A load in AU: a whole number as an int (the table's loads are whole)."""
    return int(x) if float(x).is_integer() else round(x, 1)


def _whole(x: float | None) -> int | float | None:
    """The objective or the bound: an int when whole (CP-SAT's are; a strictly typed reader takes
    ``19581``, not ``19581.0``), null when none."""
    return int(x) if x is not None and float(x).is_integer() else x


def day_loads(season: Season, plan: Plan, tl: Timeline) -> dict:
    """Per athlete, the load series (``planner.loadtable.AthleteLoad``) whose season days give
    each day's load of rules-spec.md section 8 (the planned load; the logged one on a day before
    today with a logged session)."""
    from planner.loadtable import LoadTable, athlete_load

    table = LoadTable.of_season(season)
    return {ap.athlete: athlete_load(season, plan, ap.athlete, table=table, tl=tl)
            for ap in plan.athletes if season.athlete(ap.athlete) is not None}


def plan_to_dict(season: Season, plan: Plan, anonymise: bool = False, check=None) -> dict:
    """The plan JSON (docs/file-format.md). ``anonymise``: no protocol (the diagnosis) and no
    onset (the injury's date) in the returns; names and free text are the caller's to
    anonymise (``planner.anonymise``). ``check``: the plan checker's report of ``plan`` for
    ``season`` if the caller made one (``hard_violations`` counts what it finds broken)."""
    if check is None:
        from planner.check import check_plan

        check = check_plan(season, plan)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "season": season.name,
        "status": plan.status if plan.status != "manual" else "feasible",
        "objective": _whole(plan.objective),
        "bound": _whole(plan.bound),
        "solve_seconds": plan.solve_seconds,
        # how current the plan is: the season's today, and the hard rules the plan breaks of the
        # season as it is now (a match moved or an absence entered after the solve), counted as
        # the export's warning counts them
        "today": _today(season),
        "hard_violations": len(check.broken()),
        "competitions": competitions(season),
        "team_weeks": [{"start": start, "kind": k} for start, k in
                       zip(_week_starts(Timeline(season)), plan.team_weeks, strict=True)],
        "athletes": athlete_dicts(season, plan, anonymise),
        "soft": [violation_dict(v) for v in plan.soft],
        # beside the contract's fields: the athletes whose rows wait for a solve (written only
        # when some do; their days say no session)
        **({"unplanned": list(unplanned(season, plan))} if plan.unplanned else {}),
    }


def violation_dict(v) -> dict:
    """A rule instance as the plan JSON's ``soft`` entries and ``check --json`` write it: ``rule``,
    ``athlete`` (null: the team), ``from`` and ``to`` (its first and last day) and ``message``."""
    return {"rule": v.rule, "athlete": v.athlete, "from": v.start.isoformat(),
            "to": v.end.isoformat(), "message": v.message}


def _today(season: Season) -> str | None:
    """The season's today as the plan JSON gives it (null: the season has none)."""
    return season.calendar.today.isoformat() if season.calendar.today else None


def competitions(season: Season) -> list[dict]:
    """The plan JSON's ``competitions``, by date (one day's in the season file's order): ``id``,
    ``name``, ``date``, ``end`` (the last day: ``date`` itself for a one-day competition) and
    ``priority``."""
    return [{"id": c.id, "name": c.name, "date": c.date.isoformat(), "end": c.last.isoformat(),
             "priority": c.priority}
            for c in in_day_order(season.competitions)]


def _week_starts(tl: Timeline) -> list[str]:
    return [tl.days[w.first].isoformat() for w in tl.weeks]


def athlete_dicts(season: Season, plan: Plan, anonymise: bool = False) -> list[dict]:
    """The plan JSON's ``athletes``: each athlete's weeks, days and returns."""
    from planner.returns import provisional_days, returns
    from planner.sessions import session_ids

    tl = Timeline(season)
    loads = day_loads(season, plan, tl)
    labels = [tl.label(i) for i in range(tl.n)]
    week_starts = _week_starts(tl)
    dates = [d.isoformat() for d in tl.days]
    prov = provisional_days(season, plan)
    rets = returns(season, plan, history=True)
    sessions = session_ids(season, plan)  # the catalogue id of each day's session
    athletes = []
    for a in season.athletes:
        ap = plan.for_athlete(a.id)
        if ap is None:
            continue
        athletes.append(_athlete_dict(season, tl, ap, labels, dates, week_starts,
                                      prov.get(a.id, [False] * tl.n),
                                      [r for r in rets if r.athlete == a.id],
                                      sessions.get(a.id), loads[a.id], anonymise,
                                      placeholder=a.id in plan.unplanned))
    return athletes


def plan_to_json(season: Season, plan: Plan, anonymise: bool = False, check=None) -> str:
    return json.dumps(plan_to_dict(season, plan, anonymise, check), indent=1,
                      ensure_ascii=False) + "\n"


NO_PLAN = ("infeasible", "cancelled", "timeout")  # the statuses of a solve that found no plan


def no_plan_to_json(season: Season, status: str, solve_seconds: float | None,
                    explanation: list[dict] | tuple = ()) -> str:
    """The plan JSON of a solve that found no plan (``status`` one of :data:`NO_PLAN`):
    objective and bound null, no weeks, athletes or soft entries, and for an infeasible season
    the conflicting hard-rule groups (``explanation``: rule, athlete, from, to, message), so that
    a file an earlier solve wrote at that path is not read as the current plan. The season's
    ``today`` and ``competitions`` are there as in a plan; ``hard_violations`` is null (no plan
    to count them in)."""
    return json.dumps({
        "format": FORMAT, "schema_version": SCHEMA_VERSION, "season": season.name,
        "status": status, "objective": None, "bound": None,
        "solve_seconds": None if solve_seconds is None else round(solve_seconds, 2),
        "today": _today(season), "hard_violations": None,
        "competitions": competitions(season),
        "team_weeks": [], "athletes": [], "soft": [], "explanation": list(explanation),
    }, indent=1, ensure_ascii=False) + "\n"


def plan_from_dict(data: object, season: Season, source: str = "") -> Plan:
    """Read a plan JSON back into a Plan for ``season``; every shape problem is located."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(source, [f"format: not a plan file (expected \"format\": \"{FORMAT}\")"])
    if data.get("schema_version") not in READABLE:
        raise InputError(source, [f"schema_version: {json_words(data.get('schema_version'))} is not one of "
                                  f"{', '.join(map(str, READABLE))}"])
    if data.get("status") in NO_PLAN and data.get("athletes") == []:
        raise InputError(source, [f"status: {data['status']}: the solve that wrote this file found "
                                  f"no plan, so there is nothing to check; solve again "
                                  f"(periodize solve SEASON --json OUT.json)"])
    if (other := other_dates(data, season)) is not None:
        raise InputError(source, [other])
    shape = _Shape(Timeline(season))
    team = shape.weeks(data.get("team_weeks"), "team_weeks")
    raw_athletes = data.get("athletes")
    if not isinstance(raw_athletes, list):
        raise InputError(source, ["athletes: missing; a plan lists every athlete"])
    by_id, first = {}, {}
    for i, a in enumerate(raw_athletes):
        ap = shape.athlete(a, f"athletes[{i}]", season)
        if ap is not None and ap.athlete in first:
            # the later copy used to win silently, so a check could read a clean copy of an
            # athlete whose first entry breaks the rules
            shape.problems.append(f"athletes[{i}].id: {ap.athlete} is planned twice (also "
                                  f"athletes[{first[ap.athlete]}]); keep one of them")
        elif ap is not None:
            by_id[ap.athlete], first[ap.athlete] = ap, i
        if len(shape.problems) > 50:
            break
    problems = shape.problems
    for key in ("objective", "bound", "solve_seconds"):  # pydantic's own words were shown
        v = data.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))
                              or v != v or abs(v) == float("inf")):
            problems.append(f"{key}: {json_words(v)} is not a number; give a number, or null")
    missing = [a.id for a in season.athletes if a.id not in by_id]
    if missing and not problems:
        problems.append(f"athletes: no plan for {', '.join(missing)}")
    if problems:
        problems = problems[:50]
        other = data.get("season")
        if shape.calendar_off:  # (a renamed season with a bad value elsewhere: no such line)
            # the located lines say where; this says why, once, and what to do
            whose = (f"is of season '{other[:80]}', not of '{season.name}'"
                     if isinstance(other, str) and other != season.name
                     else "does not follow this season's calendar")
            problems.append(f"the plan {whose} ({shape.dates[0]} to {shape.dates[-1]}, "
                            f"{len(shape.dates)} days): check it against its own season file, or "
                            f"write this season's plan again (periodize solve SEASON --json OUT.json)")
        raise InputError(source, problems)
    status = data.get("status") if data.get("status") in ("optimal", "feasible", "timeout") else "feasible"
    return Plan(status=status, objective=data.get("objective"), bound=data.get("bound"),
                solve_seconds=data.get("solve_seconds"), team_weeks=team,
                athletes=tuple(by_id[a.id] for a in season.athletes), soft=_soft_of(data),
                unplanned=_unplanned_of(data, season, source))


def _unplanned_of(data: dict, season: Season, source: str) -> tuple[str, ...]:
    """The plan JSON's ``unplanned`` (the athletes whose rows wait for a solve), checked against
    the squad; () when the file has none."""
    ids = data.get("unplanned", [])
    if not isinstance(ids, list) or not all(isinstance(x, str) for x in ids):
        raise InputError(source, [f"unplanned: {json_words(ids)} is not a list of athlete IDs; "
                                  f"give the IDs of the athletes not planned yet, or leave it out"])
    if unknown := [x for x in ids if season.athlete(x) is None]:
        raise InputError(source, [f"unplanned: {', '.join(unknown[:5])} is not an athlete of the "
                                  f"season; give the squad's IDs, or leave it out"])
    return tuple(dict.fromkeys(ids))


def other_dates(data: dict, season: Season) -> str | None:
    """The one line for a plan file whose days are not the season's (another season's plan, or
    this one's before its dates changed): what each covers and the way on; None when its first
    athlete's days are the season's (or cannot be read as dates: those are located one by one)."""
    from planner.text import day_long, plural

    athletes = data.get("athletes")
    i, days = next(((i, a["days"]) for i, a in enumerate(athletes) if isinstance(a, dict)
                    and isinstance(a.get("days"), list) and a["days"]),
                   (0, None)) if isinstance(athletes, list) else (0, None)
    try:
        first, last = (dt.date.fromisoformat(days[k]["date"]) for k in (0, -1))
    except (TypeError, KeyError, ValueError):
        return None
    if (back := _out_of_order(days)) is not None:
        j, day, before = back
        who = athletes[i].get("id")
        who = f" ({who[:40]})" if isinstance(who, str) else ""
        after = "repeats" if day == before else "comes after"
        return (f"athletes[{i}]{who}.days[{j}].date: {day_long(day)} {after} {day_long(before)}: "
                f"the plan's days are not in date order; list them from the season's first day "
                f"to its last, one per day, or solve again (periodize solve SEASON --json OUT.json)")
    tl = Timeline(season)
    if (first, last, len(days)) == (tl.start, tl.end, tl.n):
        return None
    other = data.get("season")
    whose = (f" (made for season '{other[:80]}')" if isinstance(other, str) and other != season.name
             else "")
    return (f"the plan{whose} covers {day_long(first)} – {day_long(last)} "
            f"({plural(len(days), 'day')}); the season '{season.name}' {day_long(tl.start)} – "
            f"{day_long(tl.end)} ({plural(tl.n, 'day')}): check the plan against its own season "
            f"file, or solve again (periodize solve SEASON --json OUT.json)")


def _out_of_order(days: list) -> tuple[int, dt.date, dt.date] | None:
    """(place, date, the date before it) of the first day not after the one before it; None when
    they are in date order (or a date does not read: each is located on its own)."""
    try:
        dates = [dt.date.fromisoformat(d["date"]) for d in days]
    except (TypeError, KeyError, ValueError):
        return None
    return next(((j, d, dates[j - 1]) for j, d in enumerate(dates) if j and d <= dates[j - 1]), None)


def json_words(v: object) -> str:
    """A value read from a JSON file, said as JSON writes it: null, true, the string "70", a
    list, not Python's None, True or '70'."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f"the string {json.dumps(v[:40], ensure_ascii=False)}" + ("…" if len(v) > 40 else "")
    if isinstance(v, (int, float)):
        return json.dumps(v)
    return "a list" if isinstance(v, list) else "an object"


class _Shape:
    """Reads the weeks and days of a plan file against the season's calendar, collecting every
    located problem (a bad entry is read as load / FIT / 0 so the rest can still be checked)."""

    def __init__(self, tl: Timeline):
        self.week_starts = [tl.days[w.first].isoformat() for w in tl.weeks]
        self.dates = [d.isoformat() for d in tl.days]
        self.problems: list[str] = []
        self.calendar_off = False  # a week or day of the file is not the season's

    def weeks(self, items: object, where: str) -> tuple[str, ...]:
        if not isinstance(items, list) or len(items) != len(self.week_starts):
            self.problems.append(f"{where}: needs one entry per season week ({len(self.week_starts)})")
            self.calendar_off = True
            return ()
        out = []
        for j, (w, start) in enumerate(zip(items, self.week_starts, strict=True)):
            if not isinstance(w, dict) or w.get("start") != start:
                self.problems.append(f"{where}[{j}].start: expected {start}")
                self.calendar_off = True
            kind = w.get("kind") if isinstance(w, dict) else None
            if kind not in KINDS:
                self.problems.append(f"{where}[{j}].kind: {json_words(kind)} is not \"load\", "
                                     f"\"deload\" or \"taper\"")
                kind = "load"
            out.append(kind)
        return tuple(out)

    def athlete(self, a: object, w: str, season: Season) -> AthletePlan | None:
        if not isinstance(a, dict) or not isinstance(a.get("id"), str):
            self.problems.append(f"{w}.id: missing")
            return None
        if season.athlete(a["id"]) is None:
            self.problems.append(f"{w}.id: {a['id']!r} is not in the season's squad")
            return None
        weeks = self.weeks(a.get("weeks"), f"{w}.weeks")
        days = a.get("days")
        if not isinstance(days, list) or len(days) != len(self.dates):
            self.problems.append(f"{w}.days: needs one entry per season day ({len(self.dates)})")
            self.calendar_off = True
            return None
        stages, intensity = zip(*(self.day(d, date, f"{w}.days[{j}]")
                                  for j, (d, date) in enumerate(zip(days, self.dates, strict=True))),
                                strict=True)
        return AthletePlan(athlete=a["id"], stages=stages, intensity=intensity, weeks=weeks)

    def day(self, d: object, date: str, w: str) -> tuple[str, int]:
        if not isinstance(d, dict) or d.get("date") != date:
            self.problems.append(f"{w}.date: expected {date}")
            self.calendar_off = True
            d = d if isinstance(d, dict) else {}
        st, it = d.get("stage"), d.get("intensity")
        if st not in STAGES:
            self.problems.append(f"{w}.stage: {json_words(st)} is not a stage; give one of "
                                 f"{STAGE_WORDS}")
            st = "FIT"
        if isinstance(it, bool) or it not in LEVELS:
            self.problems.append(f"{w}.intensity: {json_words(it)} is not an intensity level; give "
                                 f"a number: one of {', '.join(map(str, LEVELS))}")
            it = 0
        return st, int(it)


def _soft_of(data: dict) -> tuple[SoftViolation, ...]:
    """The plan's soft-rule entries; an entry that cannot be read is left out (the checker
    recounts them anyway)."""
    soft = []
    for v in data.get("soft") or []:
        try:
            soft.append(SoftViolation(rule=v["rule"], athlete=v.get("athlete"),
                                      start=dt.date.fromisoformat(v["from"]),
                                      end=dt.date.fromisoformat(v["to"]), message=v.get("message", "")))
        except (KeyError, TypeError, ValueError):
            pass
    return tuple(soft)


_MAGIC = ((b"PK\x03\x04", "it is a zip file (an Excel workbook is one)"), (b"%PDF", "it is a PDF"),
          (b"\xd0\xcf\x11\xe0", "it is an old Excel file (.xls)"))


def _what_file(p: Path) -> str:
    """What a file that is not UTF-8 text is, in a coach's words (its first bytes)."""
    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError:
        head = b""
    return next((w for magic, w in _MAGIC if head.startswith(magic)), "it is not UTF-8 text")


DERIVED_DAY_FIELDS = ("md", "available", "role", "load", "session", "provisional")
MAX_NOTES = 5


def derived_notes(data: dict, season: Season, plan: Plan) -> list[str]:
    """Where a plan file's fields that follow from its stages, intensities and week kinds (the
    day's MD label, availability, role, load, session, provisional flag; the week loads; each
    athlete's return) or its season name disagree with what they follow from: ``check`` reads
    only the stages, intensities and kinds, so a hand-edited role or load passed unseen."""
    out: list[str] = []
    if isinstance(data.get("season"), str) and data["season"] != season.name:
        out.append(f"season: the plan was made for another season, '{data['season'][:80]}', not "
                   f"for '{season.name}'; its days are this season's, so it was checked against "
                   f"'{season.name}': if it is not this season's plan, check it against its own "
                   f"season file")
    from planner.history import as_lived

    # the fields follow from the days as check reads them: the past as it happened
    want = {a["id"]: a for a in athlete_dicts(season, as_lived(season, plan))}
    found = 0
    out += _past_notes(season, plan)
    for k, a in enumerate(data.get("athletes") or []):
        mine = want.get(a.get("id")) if isinstance(a, dict) else None
        if mine is None:
            continue
        pairs = [(f"athletes[{k}].days[{i}]", f"{a['id']}, {d.get('date')}", d, m, DERIVED_DAY_FIELDS)
                 for i, (d, m) in enumerate(zip(a.get("days") or [], mine["days"], strict=False))
                 if isinstance(d, dict)]
        pairs += [(f"athletes[{k}].weeks[{i}]", f"{a['id']}, week of {w.get('start')}", w, m,
                   ("load",))
                  for i, (w, m) in enumerate(zip(a.get("weeks") or [], mine["weeks"], strict=False))
                  if isinstance(w, dict)]
        got_ret, exp_ret = a.get("return"), mine["return"]
        if isinstance(got_ret, dict) and isinstance(exp_ret, dict):
            # key by key: a key the writer left out (an earlier version's) or blanked (an
            # anonymised file's protocol and onset) is no disagreement
            keys = tuple(x for x in got_ret if x in exp_ret
                         and not (got_ret[x] is None and x in ("protocol", "onset")))
            pairs.append((f"athletes[{k}].return", a["id"], got_ret, exp_ret, keys))
        elif got_ret is not None or not (exp_ret or {}).get("past"):  # null: an earlier
            pairs.append((f"athletes[{k}]", a["id"], a, mine, ("return",)))  # version's past
        for where, who, got, exp, fields in pairs:
            for f in fields:
                if f in got and got[f] != exp[f]:
                    found += 1
                    if found <= MAX_NOTES:
                        out.append(f"{where}.{f} ({who}): {str(got[f])[:60]!r} in the file; the "
                                   f"plan's stages, intensities and week kinds make it "
                                   f"{str(exp[f])[:60]!r}")
    if found > MAX_NOTES:
        out.append(f"… and {found - MAX_NOTES} more such fields")
    if found:
        out.append("check reads each day's stage and intensity and each week's kind; the other "
                   "fields follow from them (write the plan again with periodize solve --json)")
    return out


def _past_notes(season: Season, plan: Plan) -> list[str]:
    """A day before today whose intensity in the file differs from what happened (the log's
    top speed or minutes played): check reads the past as it happened, so the file's value is
    not what is checked (an edited past read as if role and session were wrong)."""
    from planner.history import as_lived

    tl = Timeline(season)
    lived = as_lived(season, plan, tl)
    out = []
    for k, (ap, lv) in enumerate(zip(plan.athletes, lived.athletes, strict=True)):
        for i in range(min(tl.p0, len(ap.intensity))):
            if ap.intensity[i] != lv.intensity[i] and len(out) < MAX_NOTES:
                out.append(f"athletes[{k}].days[{i}].intensity ({ap.athlete}, "
                           f"{tl.days[i].isoformat()}): {ap.intensity[i]} in the file, before "
                           f"today; what happened makes it {lv.intensity[i]} (the log, else the "
                           f"plan within the stage the records give the day), and check reads "
                           f"the past as it happened")
    return out


def load_plan(path: str | Path, season: Season, notes: list[str] | None = None) -> Plan:
    """The plan file at ``path`` read against ``season``; with ``notes``, the fields that
    disagree with what they follow from are appended there (:func:`derived_notes`)."""
    from planner.limits import not_a_file

    p = Path(path)
    if why := not_a_file(p, "plan JSON"):
        raise InputError(str(p), [why])
    from planner.jsonread import KeysOnce

    once = KeysOnce()
    try:
        data = json.loads(p.read_text(encoding="utf-8-sig"), object_pairs_hook=once)
    except FileNotFoundError:
        raise InputError(str(p), ["no such file; check the path"]) from None
    except json.JSONDecodeError as e:
        raise InputError(str(p), [f"line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"]) from None
    except UnicodeDecodeError:
        raise InputError(str(p), [f"is not a plan JSON: {_what_file(p)}; give the plan JSON "
                                  f"written by 'periodize solve --json' (or leave it out to "
                                  f"check the plan stored in the season)"]) from None
    except OSError as e:
        raise InputError(str(p), [f"cannot be read ({e.strerror or e})"]) from None
    except (RecursionError, ValueError) as e:  # nested beyond Python's parser; a 5,000-digit number
        raise InputError(str(p), [f"not a plan JSON Periodize can read ({str(e)[:80]})"]) from None
    from planner.limits import nesting_problem

    deep = nesting_problem(data)
    if deep:
        raise InputError(str(p), [deep.replace("a season file", "a plan JSON")])
    if twice := once.problems(data):
        raise InputError(str(p), twice)
    plan = plan_from_dict(data, season, str(p))
    if notes is not None:
        notes += derived_notes(data, season, plan)
    return plan
