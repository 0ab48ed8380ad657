"""A max speed typed into a season file by hand in km/h (a GPS vest's figure): the message says
so, with the m/s to write, for the numbers the coach workbook reads as km/h, and only those."""

from __future__ import annotations

import pytest

from planner.coachform.cells import Bad, parse_max_speed
from planner.errors import InputError
from planner.seasonfile import season_from_dict, season_to_dict
from tests.builders import season


def _refused(speed: object) -> str:
    data = season_to_dict(season(weeks=2, athletes=2))
    data["athletes"][0]["max_speed"] = speed
    with pytest.raises(InputError) as e:
        season_from_dict(data, "team.season.json")
    return str(e.value)


@pytest.mark.parametrize("kmh", [33, 31.5, 20, 45])
def test_a_speed_in_kmh_is_said_as_kmh_with_the_m_s_to_write(kmh):
    ms, read_as_kmh = parse_max_speed(kmh)  # the workbook's own reading of the number
    assert read_as_kmh
    text = _refused(kmh)
    assert "athletes[0].max_speed" in text and f"{kmh:g} is more than 15" in text
    assert f"{kmh:g} looks like km/h: {kmh:g} km/h is {ms:g} m/s" in text
    assert f"write {ms:g}" in text
    assert abs(ms - kmh / 3.6) < 0.01


@pytest.mark.parametrize("value", [85, 16, 15.5, 200])
def test_a_number_the_workbook_does_not_read_as_kmh_gets_no_kmh_note(value):
    with pytest.raises(Bad):
        parse_max_speed(value)
    text = _refused(value)
    assert f"{value:g} is more than 15; use at most 15" in text
    assert "km/h" not in text

