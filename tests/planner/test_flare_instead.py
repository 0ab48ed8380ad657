"""The same injury recorded again soon after the return names the flare-up it may be instead
(planner.progress.flare_instead): Kofi's tendinopathy, back 7 days, recorded as a new injury,
started again from P1 (back nine weeks later) with no word of the flare-up (S3)."""

from __future__ import annotations

from planner.progress import RECENT_RETURN_DAYS, flare_instead
from planner.protocols import load_protocol
from planner.season import Injury, StageRecord
from planner.text import day_long
from tests.builders import day, injury, season

BACK = injury("A1", "FIT", start_day=0, history=(("S3", -10),))  # back to full training day 0


def again(onset: int, protocol: str = BACK.protocol, *later: tuple[str, int]):
    rec = Injury(athlete="A1", protocol=protocol, onset=day(onset),
                 stages=(StageRecord(stage="P1", start=day(onset)),)
                 + tuple(StageRecord(stage=s, start=day(d)) for s, d in later))
    return season(weeks=8, athletes=1, injuries=(BACK, rec), today=day(onset + 1))


def test_the_same_injury_a_week_after_the_return_names_the_flare_up_instead():
    s3 = load_protocol(BACK.protocol).stage("S3").title
    assert flare_instead(again(7), "A1", day(7)) == (
        f"a flare-up recorded on {day_long(day(7))} instead takes them back to "
        f"S3 {s3[:1].lower()}{s3[1:]}, not P1")


def test_no_flare_up_is_named_for_another_injury_a_later_one_or_a_record_under_way():
    assert flare_instead(again(7, "hamstring-strain"), "A1", day(7)) == ""  # another injury
    late = RECENT_RETURN_DAYS + 1
    assert flare_instead(again(late), "A1", day(late)) == ""  # long after the return
    assert flare_instead(again(RECENT_RETURN_DAYS), "A1", day(RECENT_RETURN_DAYS)) != ""
    # the physio has moved the new record on: the choice is made
    assert flare_instead(again(7, BACK.protocol, ("P2", 10)), "A1", day(7)) == ""
    assert flare_instead(season(weeks=8, athletes=1, injuries=(BACK,)), "A1", BACK.onset) == ""

