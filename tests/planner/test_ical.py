"""iCalendar export: one calendar per athlete with HV sessions, stage changes and competitions."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from planner.errors import InputError
from planner.ical import athlete_calendar, calendar_file_names, export_calendars
from planner.season import Athlete
from planner.timeline import Timeline
from tests.planner.test_xlsx_export import _day, small_plan, small_season

STAMP = dt.datetime(2027, 1, 21, 9, 30, tzinfo=dt.UTC)


def events(cal: Calendar) -> list:
    return [c for c in cal.walk("VEVENT")]


def by_category(cal: Calendar, category: str) -> list:
    return [e for e in events(cal) if category in [str(c) for c in e.get("categories").cats]]


def _start(e) -> dt.date:
    return e.decoded("dtstart")


def test_one_parseable_calendar_per_athlete(tmp_path):
    season = small_season()
    plan = small_plan(season)
    files = export_calendars(season, plan, tmp_path / "ics", stamp=STAMP)
    # in the board's order (planner.squad): the injured A3 first, the goalkeeper, the defenders
    assert [f.name for f in files] == ["A3 Cy Cedar.ics", "A2 Bo Birch.ics", "A1 Ann Ash.ics",
                                       "A4 Di Dale.ics"]
    for f in files:
        cal = Calendar.from_ical(f.read_bytes())
        assert str(cal["version"]) == "2.0" and "Periodize" in str(cal["prodid"])
        uids = [str(e["uid"]) for e in events(cal)]
        assert len(uids) == len(set(uids))
        assert all(e.decoded("dtstamp") == STAMP for e in events(cal))


def test_hv_sessions_competitions_and_stage_changes_are_the_plans(tmp_path):
    season = small_season()
    plan = small_plan(season)
    tl = Timeline(season)
    a1 = Calendar.from_ical(athlete_calendar(season, plan, "A1", stamp=STAMP).to_ical())
    hv = by_category(a1, "Training")
    want = [tl.days[i] for i, v in enumerate(plan.for_athlete("A1").intensity)
            if v >= 90 and not tl.is_comp[i]]
    assert [_start(e) for e in hv] == want and len(want) == 5
    first = hv[0]
    assert str(first["summary"]) == "HV session 90 %"
    assert "High-velocity session at 90 % of max speed (MD-4); stage FIT; load week." in str(first["description"])
    assert "HV-1:" in str(first["description"])
    comps = by_category(a1, "Competition")
    assert [(str(e["summary"]), _start(e)) for e in comps] == [
        ("League match 3 (C)", _day(5)), ("Cup round 2 (B)", _day(9)), ("League match 4 (C)", _day(12))]
    assert all(e.decoded("dtend") == _start(e) + dt.timedelta(days=1) for e in comps)
    assert by_category(a1, "Rehab") == []  # fit all season
    a3 = Calendar.from_ical(athlete_calendar(season, plan, "A3", stamp=STAMP).to_ical())
    stages = [(str(e["summary"]), _start(e)) for e in by_category(a3, "Rehab")]
    assert stages == [("Injured (INJ)", _day(0)), ("Rehab stage P1 starts", _day(2)),
                      ("Rehab stage P2 starts", _day(9))]
    p2 = str(by_category(a3, "Rehab")[2]["description"])
    assert "running up to 70 % of max speed" in p2 and "Concentric and eccentric loading" in p2


def test_a_multi_day_competition_spans_its_days():
    from planner.season import Competition

    base = small_season()
    season = base.model_copy(update={"competitions": base.competitions + (
        Competition(id="t", name="Tournament", date=_day(14), end_date=_day(16), priority="A"),)})
    cal = athlete_calendar(season, small_plan(season), "A2", stamp=STAMP)
    (t,) = [e for e in events(cal) if str(e["summary"]) == "Tournament (A)"]
    assert (_start(t), t.decoded("dtend")) == (_day(14), _day(17))


def test_anonymised_calendars_name_no_one_and_no_protocol(tmp_path):
    from planner.protocols import load_protocol

    season = small_season()
    files = export_calendars(season, small_plan(season), tmp_path, anonymise=True, stamp=STAMP)
    assert [f.name for f in files] == ["A3.ics", "A2.ics", "A1.ics", "A4.ics"]
    text = "\n".join(Calendar.from_ical(f.read_bytes()).to_ical().decode() for f in files)
    proto = load_protocol("iliopsoas-tendinopathy")
    for secret in [a.name for a in season.athletes] + [proto.id, proto.name] + [s.title for s in proto.stages]:
        assert secret not in text, secret
    assert "Rehab stage P2 starts" in text and "running up to 70 % of max speed" in text


def test_file_names_are_safe_and_unique():
    base = small_season()
    season = base.model_copy(update={"athletes": base.athletes + (
        Athlete(id="k1", name="Kim/Lee: ?*"), Athlete(id="K1", name="kim/lee: ?*"))})
    names = calendar_file_names(season)
    assert names["k1"] == "k1 Kim_Lee_ _.ics" and names["K1"] == "K1 kim_lee_ _ (2).ics"
    assert len({n.casefold() for n in names.values()}) == len(names)


def test_a_file_in_the_way_is_a_located_error(tmp_path):
    season = small_season()
    (tmp_path / "ics").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        export_calendars(season, small_plan(season), tmp_path / "ics")
    with pytest.raises(InputError, match="does not exist"):
        export_calendars(season, small_plan(season), tmp_path / "no" / "ics")


def test_a_plan_that_no_longer_fits_the_season_is_refused(tmp_path):
    season = small_season()
    plan = small_plan(season)
    longer = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"end": season.calendar.end + dt.timedelta(days=7)})})
    with pytest.raises(InputError, match="solve again"):
        export_calendars(longer, plan, tmp_path / "ics")
    assert not (tmp_path / "ics").exists()
