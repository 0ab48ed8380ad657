"""Reading a coach workbook's injury records (rules-spec.md section 4, several and future ones).

The Injuries sheet has a row per stage start: an athlete's rows with the same Onset are one
record (its stage history; they agree on Protocol and Target), rows with another Onset are
another record. The Stage history, Flare-ups and Tests sheets add to the record that *governs*
their date (the athlete's latest record with an onset on or before it, as
:func:`planner.rehab.governing`). A problem is located on its sheet, row and column; an athlete
with a row that cannot be read keeps no record, so that the season checks do not report
problems that only follow from it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import partial

from planner.coachform.cells import Bad, parse_test_value, to_date, to_text
from planner.coachform.cells import describe as _describe
from planner.coachform.spec import STAGE_CHOICES, norm, sheet_spec
from planner.criteria import find_criterion
from planner.errors import InputError
from planner.protocols import Criterion, available_protocols, load_protocol
from planner.season import FIT, CriteriaTest, Injury, StageRecord
from planner.text import day_long
from planner.validate import FAR_DAYS  # a date this far outside the season: a year typed wrong

__all__ = ["InjuryReader", "RecordRows"]


@dataclass
class RecordRows:
    """Where one record's parts were read, to locate the season's problems about them."""

    anchor: int  # its first Injuries row (athlete, protocol, onset, target)
    stages: list[tuple[str, int]]  # (sheet, row) of each stage record, in the record's order
    flare_ups: list[int]  # Flare-ups rows, in the record's order
    tests: list[int]  # Tests rows, in the record's order


@dataclass
class _Draft:
    """A record being assembled from its rows."""

    athlete: str
    onset: dt.date
    anchor: int
    protocol: str | None = None
    protocol_row: int = 0
    target: str | None = None  # competition id
    target_text: str = ""
    target_row: int = 0
    stages: list[tuple[dt.date, str, str, int]] = field(default_factory=list)  # start, stage, sheet, row
    flare_ups: list[tuple[dt.date, str, int]] = field(default_factory=list)  # date, note, row
    tests: list[tuple[CriteriaTest, int]] = field(default_factory=list)




def far_after(day: dt.date, cal) -> bool:
    """Whether ``day`` is more than a year after the season's end (2062 typed for 2026): no
    date a coach means there can change the plan the way it reads."""
    return cal is not None and (day - cal.end).days > FAR_DAYS


def far_before(day: dt.date, cal) -> bool:
    """Whether ``day`` is more than a year before the season's start (said, as an Onset is)."""
    return cal is not None and (cal.start - day).days > FAR_DAYS


def _protocol_names() -> dict[str, str]:
    """A protocol's id or name as matched (:func:`norm`) -> its id."""
    out: dict[str, str] = {}
    for pid in available_protocols():
        out[norm(pid)] = pid
        try:
            out.setdefault(norm(load_protocol(pid).name), pid)
        except InputError:
            pass
    return out


def protocol_by_name(text: str) -> str | None:
    """The protocol an id or a name written by a coach means ("hamstring strain", "Acute
    hamstring strain"), as the workbook's Protocol column reads it; None when none."""
    return _protocol_names().get(norm(text))


class InjuryReader:
    """The Injuries, Stage history, Flare-ups and Tests sheets read into injury records.

    ``form`` is the import in progress (:class:`planner.coachform.read._Import`): its ``cell``,
    ``text``, ``note``, ``athlete_ref`` and ``competition_ref`` read and locate cells.
    """

    def __init__(self, form, ids: dict[str, bool], comp_names, cal=None):
        self.f = form
        self.cal = cal  # the season's calendar (None when the Season sheet cannot be read)
        self.far: set[tuple[object, dt.date]] = set()  # (athlete, onset) said to be long before
        self.ids = ids
        self.comp_names = comp_names
        self.drafts: dict[tuple[str, dt.date], _Draft] = {}
        self.listed: set[str] = set()  # athletes with a row on the Injuries sheet
        self.broken: set[str] = set()  # athletes with a record row that could not be read
        self.unread = False  # the Injuries sheet could not be read (its problem is recorded)
        self.by_name = _protocol_names()

    def read(self) -> tuple[list[Injury], list[RecordRows]]:
        self._injuries()
        self._history()
        self._flare_ups()
        self._tests()
        return self._records()

    # -- the Injuries sheet -----------------------------------------------------------------------
    def _protocol(self, value: object) -> str:
        text = to_text(value, "protocol")
        pid = self.by_name.get(norm(text))
        if pid is None:
            raise Bad(f"{_describe(text)} is not a rehab protocol; use one of "
                      f"{', '.join(available_protocols())}")
        return pid

    def _stage(self, spec, row, key: str, pid: str | None) -> str | None:
        """The row's stage, checked against the stage ids and ``pid``'s stages (None: a problem
        was recorded, or the cell is empty)."""
        stage = self.f.cell(spec, row, key, lambda v: to_text(v, "stage").upper())
        if stage is None:
            return None
        if stage not in STAGE_CHOICES:
            self.f.note(spec, row, key, f"{_describe(row.values[key])} is not a stage; write one "
                        f"of {', '.join(STAGE_CHOICES)} (FIT: back in full training)")
            return None
        if pid is not None:
            stages = load_protocol(pid).stage_ids
            if stage not in stages + (FIT,):
                self.f.note(spec, row, key, f"{_describe(row.values[key])} is not a stage of {pid} "
                            f"({', '.join(stages)}, or FIT when back in full training)")
                return None
        return stage

    def _target(self, spec, row) -> tuple[str | None, bool]:
        """(competition id or None, readable) of the row's Target competition."""
        text = self.f.text(spec, row, "target")
        if text is None:
            return None, row.values.get("target") is None and "target" not in row.errors
        cid, found = self.f.competition_ref(spec, row, "target", text, self.comp_names)
        return (cid if found else None), found

    def _injuries(self) -> None:
        spec = sheet_spec("Injuries")
        rows = self.f.r.table(spec)
        # unreadable (a required column missing): its problem is recorded once, and the rows of
        # other sheets that refer to its injuries are not reported as missing their injury
        self.unread = rows is None and self.f.r.find(spec.title) is not None
        for row in rows or []:
            aid, kept = self.f.athlete_ref(spec, row, self.ids)
            pid = self.f.cell(spec, row, "protocol", self._protocol)
            onset = self.f.cell(spec, row, "onset", to_date)
            stage = self._stage(spec, row, "stage", pid)
            start = self.f.cell(spec, row, "stage_start", to_date)
            target, target_ok = self._target(spec, row)
            ok = kept and target_ok and None not in (pid, onset, stage, start)
            if start is not None and not self._start_fits(spec, row, "stage_start", start):
                ok = False
            if onset is not None and not self._onset_fits(spec, row, onset, target):
                ok = False
            if onset is not None and start is not None and start < onset:
                self.f.note(spec, row, "stage_start", f"{day_long(start)} is before the Onset "
                            f"{day_long(onset)}; a stage starts on or after the onset")
                ok = False
            if aid is None:
                continue
            self.listed.add(aid)
            if onset is None:
                self.broken.add(aid)
                continue
            draft = self.drafts.setdefault((aid, onset), _Draft(aid, onset, row.number))
            ok = self._agree(spec, row, draft, pid, target) and ok
            if ok and self._same_day(spec, row, draft, start, stage):
                ok = False
            if ok:
                draft.stages.append((start, stage, spec.title, row.number))
            else:
                self.broken.add(aid)

    def _start_fits(self, spec, row, key: str, start: dt.date) -> bool:
        """A stage start more than a year after the season ends (2062 typed for 2026: the stage
        never starts in the plan, and an athlete whose only stage it is is planned injured with no
        stage, not back this season) is the row's problem. One long before the season needs no
        word of its own: its onset, on or before it, is said (:meth:`_onset_fits`)."""
        if not far_after(start, self.cal):
            return True
        self.f.note(spec, row, key, f"{day_long(start)} is more than a year after the season ends "
                    f"({day_long(self.cal.end)}), so the stage would never start in the plan; "
                    f"check the year")
        return False

    def _onset_fits(self, spec, row, onset: dt.date, target: str | None) -> bool:
        """An onset after the season's end (a year typed wrong: the player planned fit all
        season) or after the target competition is the row's problem; one more than a year before
        the season starts is said in a note. False when there was a problem."""
        ok = True
        cal = self.cal
        if cal is not None and onset > cal.end:
            self.f.note(spec, row, "onset", f"{day_long(onset)} is after the season ends "
                        f"({day_long(cal.end)}), so the injury would not count and the athlete "
                        f"would be planned fit all season; check the year")
            ok = False
        # over before the onset, as the season file and the Injuries editor read it
        # (planner.validate.early_target): a tournament under way at the onset can be the target
        day = self.f.comp_last.get(target) if target is not None else None
        if day is not None and day < onset:
            name = str(row.values["target"]).strip()
            self.f.note(spec, row, "target", f"{name!r} is on {day_long(day)}, before the Onset "
                        f"{day_long(onset)}; a target competition comes after the injury: check the "
                        f"year of the Onset, or the target")
            ok = False
        if far_before(onset, cal) and (row.values["athlete"], onset) \
                not in self.far:  # said once for an injury's rows
            self.f.notes.append(f"{spec.title}, row {row.number}, Onset: {day_long(onset)} is more "
                                f"than a year before the season starts ({day_long(cal.start)}); "
                                f"check the year")
            self.far.add((row.values["athlete"], onset))
        return ok

    def _same_day(self, spec, row, draft: _Draft, start: dt.date, stage: str) -> bool:
        """A row whose stage start is already one of the injury's (a row copied twice, or a
        stage typed with the date of another): located, with the row it repeats."""
        was = next(((st, sheet, n) for day, st, sheet, n in draft.stages if day == start), None)
        if was is None:
            return False
        st, sheet, n = was
        at = f"row {n}" if sheet == spec.title else f"{sheet} row {n}"
        if st == stage:
            self.f.p.add(spec.title, row.number, f"{spec.title}, row {row.number}: repeats {at} "
                         f"({draft.athlete}, {stage} from {day_long(start)}, the injury with onset "
                         f"{day_long(draft.onset)}); delete one of them")
        else:
            self.f.note(spec, row, "stage_start" if "stage_start" in row.values else "start",
                        f"{day_long(start)} is already the start of {st} in {at}, the same injury "
                        f"({draft.athlete}, onset {day_long(draft.onset)}); a stage starts on a day "
                        f"of its own: correct the date, or delete one of the rows")
        return True

    def _agree(self, spec, row, draft: _Draft, pid: str | None, target: str | None) -> bool:
        """Does the row agree with the other rows of its record on Protocol and Target?"""
        same = f"a row of the same injury ({draft.athlete}, onset {day_long(draft.onset)})"
        ok = True
        if pid is not None and draft.protocol is None:
            draft.protocol, draft.protocol_row = pid, row.number
        elif pid is not None and pid != draft.protocol:
            self.f.note(spec, row, "protocol", f"{pid} differs from {draft.protocol} in row "
                        f"{draft.protocol_row}, {same}; an athlete's rows with one onset are one "
                        f"injury: give them one protocol, or correct the onset")
            ok = False
        if target is not None and draft.target is None:
            draft.target, draft.target_row = target, row.number
            draft.target_text = str(row.values["target"]).strip()
        elif target is not None and target != draft.target:
            self.f.note(spec, row, "target", f"{_describe(str(row.values['target']).strip())} "
                        f"differs from {draft.target_text!r} in row {draft.target_row}, {same}; "
                        f"give the injury one target (or leave it empty on its other rows)")
            ok = False
        return ok

    # -- what is added to the record governing a date ---------------------------------------------
    def _owner(self, spec, row, aid: str, day: dt.date, key: str, thing: str) -> _Draft | None:
        """The record that governs ``day`` for ``aid`` (None: located problem, or the athlete's
        injury rows have problems of their own)."""
        if aid not in self.listed and self.unread:
            return None
        if aid not in self.listed:
            self.f.note(spec, row, "athlete", f"{aid!r} has no injury on the Injuries sheet; a "
                        f"{thing} belongs to an injury: add the injury there first")
            return None
        if aid in self.broken:
            return None
        records = sorted((d for d in self.drafts.values() if d.athlete == aid), key=lambda d: d.onset)
        owner = None
        for d in records:
            if d.onset <= day:
                owner = d
        if owner is None:
            self.f.note(spec, row, key, f"{day_long(day)} is before the first injury of {aid!r} "
                        f"(onset {day_long(records[0].onset)}); a {thing} belongs to an injury on "
                        f"the Injuries sheet: add that injury there, or correct the date")
        return owner

    def _history(self) -> None:
        """Stage history rows (older workbooks): stage starts of the record governing them."""
        spec = sheet_spec("Stage history")
        for row in self.f.r.table(spec) or []:
            aid, _kept = self.f.athlete_ref(spec, row, self.ids)
            start = self.f.cell(spec, row, "start", to_date)
            if start is not None and not self._start_fits(spec, row, "start", start):
                start = None  # its problem is said; the athlete's record is not built
            if aid is not None and aid not in self.listed and self.unread:
                aid = None
            elif aid is not None and aid not in self.listed:
                self.f.note(spec, row, "athlete", f"{aid!r} has no row on the Injuries sheet; add "
                            f"the injury (with its current stage) there first")
                aid = None
            draft = self._owner(spec, row, aid, start, "start", "stage start") \
                if aid is not None and start is not None else None
            stage = self._stage(spec, row, "stage", draft.protocol if draft else None)
            if draft is not None and stage is not None and not self._same_day(spec, row, draft,
                                                                             start, stage):
                draft.stages.append((start, stage, spec.title, row.number))
            elif aid is not None:
                self.broken.add(aid)

    def _flare_ups(self) -> None:
        spec = sheet_spec("Flare-ups")
        first: dict[tuple[str, dt.date], int] = {}
        for row in self.f.r.table(spec) or []:
            aid, _kept = self.f.athlete_ref(spec, row, self.ids)
            day = self.f.cell(spec, row, "date", to_date)
            note = self.f.text(spec, row, "note")
            if aid is None or day is None or (note is None and row.values.get("note") is not None):
                continue
            if (aid, day) in first:
                self.f.note(spec, row, "date", f"{day_long(day)} is already a flare-up of {aid!r} "
                            f"in row {first[(aid, day)]}; list each flare-up once")
                continue
            first[(aid, day)] = row.number
            draft = self._owner(spec, row, aid, day, "date", "flare-up")
            if draft is not None:
                draft.flare_ups.append((day, note or "", row.number))

    def _tests(self) -> None:
        spec = sheet_spec("Tests")
        for row in self.f.r.table(spec) or []:
            aid, _kept = self.f.athlete_ref(spec, row, self.ids)
            day = self.f.cell(spec, row, "date", to_date)
            name = self.f.text(spec, row, "test")
            draft = self._owner(spec, row, aid, day, "date", "test") \
                if aid is not None and day is not None else None
            crit = self._criterion(spec, row, draft, name) if draft and name else None
            unit, percent = (crit.unit if crit else ""), "%" in str(row.formats.get("value") or "")
            value = self.f.cell(spec, row, "value", partial(parse_test_value, unit=unit,
                                                            percent_cell=percent))
            if crit is not None and value is not None:
                test = CriteriaTest(date=day, name=crit.name, value=value, unit=crit.unit)
                draft.tests.append((test, row.number))

    def _criterion(self, spec, row, draft: _Draft, name: str) -> Criterion | None:
        """The criterion of the record's protocol called ``name`` (case ignored)."""
        proto = load_protocol(draft.protocol)
        hit = find_criterion(proto, name)
        if hit is not None:
            return hit[1]
        names = sorted({c.name for s in proto.stages for c in s.criteria})
        if not names:
            self.f.note(spec, row, "test", f"{name!r} is not a criteria test of {proto.id} (the "
                        f"injury of {draft.athlete!r} on that date), which has none; remove the row "
                        f"or correct the injury's protocol")
            return None
        near = difflib.get_close_matches(name, names, n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"use one of: {'; '.join(names)}"
        self.f.note(spec, row, "test", f"{name!r} is not a criteria test of {proto.id} (the injury "
                    f"of {draft.athlete!r} on that date); {hint}")
        return None

    # -- the records --------------------------------------------------------------------------------
    def _records(self) -> tuple[list[Injury], list[RecordRows]]:
        injuries: list[Injury] = []
        where: list[RecordRows] = []
        for d in self.drafts.values():
            if d.athlete in self.broken:
                continue
            stages = sorted(d.stages, key=lambda s: s[0])
            injuries.append(Injury(
                athlete=d.athlete, protocol=d.protocol, onset=d.onset,
                stages=tuple(StageRecord(stage=st, start=day) for day, st, _, _ in stages),
                flare_ups=tuple(day for day, _, _ in d.flare_ups),
                flare_notes={day: note for day, note, _ in d.flare_ups if note},
                tests=tuple(t for t, _ in d.tests), target_competition=d.target))
            where.append(RecordRows(anchor=d.anchor, stages=[(sh, n) for _, _, sh, n in stages],
                                    flare_ups=[n for _, _, n in d.flare_ups],
                                    tests=[n for _, n in d.tests]))
        self._stage_as_onset_notes(injuries, where)
        return injuries, where

    def _stage_as_onset_notes(self, injuries: list[Injury], where: list[RecordRows]) -> None:
        """A row whose Onset is its own Stage start, the stage after an earlier injury's of the
        same protocol: most likely that injury's next stage with its start typed as the onset,
        which made a re-injury of it (a new record, its rehab counted from scratch). Said, since
        a re-injury is what the rows say."""
        from planner.protocols import load_protocol

        by: dict[str, list[tuple[Injury, int]]] = {}
        for rec, rows in zip(injuries, where, strict=True):
            by.setdefault(rec.athlete, []).append((rec, rows.anchor))
        for recs in by.values():
            recs.sort(key=lambda x: x[0].onset)
            for (a, row_a), (b, row_b) in zip(recs, recs[1:], strict=False):
                if a.protocol != b.protocol or not b.stages or b.stages[0].start != b.onset:
                    continue
                try:
                    order = load_protocol(a.protocol).stage_ids
                except InputError:  # an unknown protocol is said elsewhere
                    continue
                last, first = a.stages[-1].stage, b.stages[0].stage
                if last in order and first in order and order.index(first) == order.index(last) + 1:
                    self.f.notes.append(
                        f"Injuries, row {row_b}: {b.athlete}'s onset {day_long(b.onset)} is the "
                        f"day {first} starts, the stage after row {row_a}'s {last} (onset "
                        f"{day_long(a.onset)}): read as a re-injury, a new injury. If it is the same "
                        f"injury's next stage, give it the onset {day_long(a.onset)}")
