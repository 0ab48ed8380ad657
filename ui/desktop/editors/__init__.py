"""Editors of the season: competitions, blocks, days off, squad and injuries (dock panels), and
the season settings and new-season dialogs.

An editor never changes the season: each button issues one ``planner.edits`` edit through the
``edit_requested`` signal, and the window applies it as one undo step. ``set_season`` refreshes
an editor after any change (an edit, undo, redo or a new file) and keeps its selection.

One module each: ``base`` (``Editor`` and what the editors share), ``competitions``, ``blocks``,
``daysoff``, ``squad``, ``injuries``, ``settings`` (Season Settings) and ``newseason`` (File ▸
New). The names the window and the other panels use are imported here.
"""

from ui.desktop.editors.base import (
    WEEKDAY_NAMES,
    Editor,
    EnterRows,
    Row,
    bad_dates,
    date_edit,
    first_day,
    form_words,
    keeps_space,
    pydate,
    qdate,
    rows_tall,
    sortable,
    unapplied,
)
from ui.desktop.editors.blocks import BlocksEditor
from ui.desktop.editors.competitions import (
    PRIORITY_TEXT,
    CompetitionsEditor,
    OneLineNote,
    note_same_name,
)
from ui.desktop.editors.daysoff import DaysOffEditor
from ui.desktop.editors.injuries import (
    INJURY_FIELDS,
    NO_RESULT,
    InjuriesEditor,
    played_after_question,
)
from ui.desktop.editors.newseason import (
    NewSeasonDialog,
    empty_season,
    new_season_dates,
    season_templates,
)
from ui.desktop.editors.settings import (
    SETTINGS_PROBLEMS_SHOWN,
    SeasonSettingsDialog,
    TrainingDayTicks,
)
from ui.desktop.editors.squad import POSITIONS, SquadEditor, joins_on

__all__ = [
    "keeps_space",
    "bad_dates",
    "BlocksEditor",
    "CompetitionsEditor",
    "date_edit",
    "DaysOffEditor",
    "Editor",
    "empty_season",
    "EnterRows",
    "first_day",
    "form_words",
    "InjuriesEditor",
    "INJURY_FIELDS",
    "joins_on",
    "new_season_dates",
    "NewSeasonDialog",
    "NO_RESULT",
    "note_same_name",
    "OneLineNote",
    "played_after_question",
    "POSITIONS",
    "PRIORITY_TEXT",
    "pydate",
    "qdate",
    "Row",
    "rows_tall",
    "season_templates",
    "SeasonSettingsDialog",
    "SETTINGS_PROBLEMS_SHOWN",
    "sortable",
    "SquadEditor",
    "TrainingDayTicks",
    "unapplied",
    "WEEKDAY_NAMES",
]
