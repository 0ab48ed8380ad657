"""A bundled protocol file that does not read: the app starts without it, says it once, and a
season that uses it is not opened, with the problems the command line gives (pytest-qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner import protocols
from planner.errors import InputError
from planner.seasonfile import load_season, save_season
from tests.planner.test_protocol_file import trailing_comma
from tests.ui.test_app import tiny_season


def _clear() -> None:
    protocols.available_protocols.cache_clear()
    protocols.load_protocol.cache_clear()


def _break(protocol_folder: Path, pid: str, source: str = "hamstring-strain") -> None:
    """``pid``: ``source``'s stages with P3's cap below P2's."""
    data = json.loads((protocol_folder / f"{source}.json").read_text("utf-8"))
    data["id"] = pid
    data["stages"][2]["cap"] = 60
    (protocol_folder / f"{pid}.json").write_text(json.dumps(data), "utf-8")


PROBLEM = "stages[2] (P3).cap: 60 is below P2's 70; caps rise stage by stage"


def test_the_app_starts_without_a_broken_protocol_and_says_it_once(qtbot, dialogs, protocol_folder):
    from ui.desktop.app import create_main_window

    _break(protocol_folder, "calf-strain")
    window = create_main_window(None, recover=False)
    qtbot.addWidget(window)
    assert window.isVisible()
    listed = [window.injuries_editor.protocol.itemData(i)
              for i in range(window.injuries_editor.protocol.count())]
    assert "calf-strain" not in listed and "hamstring-strain" in listed
    assert len(listed) == len(protocols.available_protocols()) - 1
    assert dialogs.kinds() == ["warn"]
    _, title, text = dialogs[0]
    assert title == "Protocol file not read"
    assert f"{protocol_folder / 'calf-strain.json'}: {PROBLEM}" in text
    assert "the other protocols are available" in text


def test_a_season_that_uses_a_broken_protocol_is_not_opened_with_the_files_problems(
        qtbot, dialogs, protocol_folder, tmp_path):
    from ui.desktop.app import create_main_window

    path = tmp_path / "tiny.season.json"
    season = tiny_season()
    cara = season.injuries[0].model_copy(update={"protocol": "adductor-groin"})
    save_season(season.model_copy(update={"injuries": (cara,)}), path)  # not a protocol of the demo's
    adductor = json.loads((protocol_folder / "adductor-groin.json").read_text("utf-8"))
    assert [s["cap"] for s in adductor["stages"][1:3]] == [70, 95]
    adductor["stages"][2]["cap"] = 60
    (protocol_folder / "adductor-groin.json").write_text(json.dumps(adductor), "utf-8")
    _clear()
    with pytest.raises(InputError) as cli:  # what `periodize check` reads, and says
        load_season(path)
    said = str(cli.value)
    assert said == f"{protocol_folder / 'adductor-groin.json'}: {PROBLEM}"
    dialogs.expect_error()
    window = create_main_window(str(path), recover=False)
    qtbot.addWidget(window)
    assert window.isVisible() and window.path is None  # the demo season instead
    assert dialogs.kinds() == ["error", "warn"]  # the season not opened, then the file left out
    assert said in dialogs[0][2] and "Showing the demo season instead." in dialogs[0][2]
    assert str(protocol_folder / "adductor-groin.json") in dialogs[1][2]


def test_the_app_starts_on_an_empty_season_when_the_demo_uses_a_broken_protocol(
        qtbot, dialogs, protocol_folder):
    from ui.desktop.app import create_main_window

    said = trailing_comma(protocol_folder, "hamstring-strain")  # a protocol of the demo's
    assert said.startswith(f"{protocol_folder / 'hamstring-strain.json'}: line ")  # a path to find
    dialogs.expect_error()
    window = create_main_window(None, recover=False)
    qtbot.addWidget(window)
    assert window.isVisible() and window.path is None
    season = window.document.season
    assert season.name == "New season" and not season.athletes and not season.injuries
    assert dialogs.kinds() == ["error", "warn"]  # why no demo, then the file left out
    _, title, text = dialogs[0]
    assert title == "Demo season not opened"
    assert said in text and "either" not in text
    assert "Showing an empty season" in text and "File ▸ Open" in text
    assert str(protocol_folder / "hamstring-strain.json") in dialogs[1][2]


def test_a_season_not_opened_and_no_demo_are_said_in_one_message_box(
        qtbot, dialogs, protocol_folder, tmp_path):
    from ui.desktop.app import create_main_window

    path = tmp_path / "cut.season.json"
    path.write_text('{"format": 6, "name": "Cut', "utf-8")  # a season cut short
    with pytest.raises(InputError) as cli:
        load_season(path)
    broken = trailing_comma(protocol_folder, "hamstring-strain")
    dialogs.expect_error()
    window = create_main_window(str(path), recover=False)
    qtbot.addWidget(window)
    assert window.isVisible() and window.path is None
    assert window.document.season.name == "New season"
    assert dialogs.kinds() == ["error", "warn"]
    _, title, text = dialogs[0]
    assert title == "Season not opened"
    assert str(cli.value) in text and f"The demo season was not opened either:\n{broken}" in text
    assert "demo season instead" not in text
    assert text.index(str(cli.value)) < text.index(broken)  # the file asked for first
