"""rehab.athlete_stages: an athlete's recorded stage day by day with each record's segments worked
out once, the same as athlete_stage_on; progress.above_stage reads it (a 40-athlete season's
logged days asked athlete_stage_on 97,392 times, each working the segments out again)."""

from __future__ import annotations

import datetime as dt

import planner.rehab
from planner.progress import above_stage
from planner.rehab import athlete_stage_on, athlete_stages
from planner.season import Injury, Session, StageRecord
from tests.builders import day, season


def _records() -> list[Injury]:
    """Two injuries of A1: the first back to FIT; the second with a flare-up before its first
    stage record, two flare-ups 4 days apart (two stages back), a stage recorded on a flare-up's
    date and one after it."""
    first = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                   stages=(StageRecord(stage="P2", start=day(-18)), StageRecord(stage="S3", start=day(-8)),
                           StageRecord(stage="FIT", start=day(-2))),
                   flare_ups=(day(-12),))
    second = Injury(athlete="A1", protocol="iliopsoas-tendinopathy", onset=day(6),
                    stages=(StageRecord(stage="P2", start=day(8)), StageRecord(stage="S2", start=day(12)),
                            StageRecord(stage="S1", start=day(22)), StageRecord(stage="S2", start=day(26))),
                    flare_ups=(day(7), day(16), day(20), day(22)))
    return [first, second]


def test_athlete_stages_reads_every_day_as_athlete_stage_on():
    records = _records()
    on = athlete_stages(records)
    days = [day(-25) + dt.timedelta(days=k) for k in range(70)]
    expected = [athlete_stage_on(records, d) for d in days]
    assert [on(d) for d in days] == expected
    # the days cover every kind: fit before and between, INJ before a record, flare-ups
    assert {"FIT", "INJ", "P2", "S2", "S3"} <= set(expected), set(expected)


def test_above_stage_works_out_each_records_segments_once(monkeypatch):
    s = season(weeks=6, athletes=2, today=day(34))
    s = s.model_copy(update={
        "injuries": tuple(_records()),
        "sessions": tuple(Session(athlete="A1", date=day(d), minutes=60, rpe=5, top_speed_pct=90)
                          for d in range(0, 34))})
    calls: list = []
    real = planner.rehab.segments

    def counting(*a, **k):
        calls.append(a)
        return real(*a, **k)

    monkeypatch.setattr(planner.rehab, "segments", counting)
    found = above_stage(s)
    monkeypatch.setattr(planner.rehab, "segments", real)
    # the days above the stage, as the stage of each day says them
    records = _records()
    assert found, "A1 logged 90 % in P2 and S2"
    for p in found:
        assert p.stage == athlete_stage_on(records, p.date), p
        assert p.top == 90 and p.cap < 90, p
    assert len(calls) <= len(records), len(calls)
