"""A season with an obvious reason to have no plan says it (issue 15, item 10): every day off
(a season file without a training weekday is refused when read). It used to exit 2 with "no
small conflicting set was found"."""

from __future__ import annotations

import datetime as dt

from planner.precheck import obvious_conflicts
from planner.season import NonTrainingDay
from planner.seasonfile import load_season, save_season
from tests.reliability.hostile import ROOT, run_cli


def _demo():
    return load_season(ROOT / "templates" / "demo.season.json")


def _no_training_days(s):
    return s.model_copy(update={"calendar": s.calendar.model_copy(update={"training_days": ()})})


def _every_day_off(s):
    cal = s.calendar
    days = tuple(NonTrainingDay(date=cal.start + dt.timedelta(days=i), reason="Off")
                 for i in range((cal.end - cal.start).days + 1))
    return s.model_copy(update={"calendar": cal.model_copy(update={"non_training_days": days})})


def test_the_precheck_names_the_cause():
    s = _demo()
    assert obvious_conflicts(s) == []
    [(path, _, _, text)] = obvious_conflicts(_no_training_days(s))
    assert path == "calendar.training_days" and "no training weekday" in text
    [(path, first, last, text)] = obvious_conflicts(_every_day_off(s))
    assert path == "calendar.non_training_days" and "is a day off" in text
    assert (first, last) == (s.calendar.today or s.calendar.start, s.calendar.end)


def test_the_cli_explains_it_plainly_with_exit_2(tmp_path):
    save_season(_every_day_off(_demo()), tmp_path / "s.season.json")
    r = run_cli("solve", "s.season.json", "--time-limit", "30", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "CALENDAR (calendar.non_training_days): every day from" in r.stderr
    assert "no small conflicting set" not in r.stderr and "because of the calendar" in r.stderr


def test_a_season_file_without_a_training_weekday_is_refused_before_solving(tmp_path):
    save_season(_no_training_days(_demo()), tmp_path / "s.season.json")
    r = run_cli("solve", "s.season.json", "--time-limit", "30", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "s.season.json: calendar.training_days: lists no weekday; a season needs at least one " \
           "training weekday" in r.stderr
