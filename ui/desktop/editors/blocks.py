"""The Blocks editor: training blocks (mesocycles), a name, dates and an emphasis."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from planner import edits as E
from planner.season import Block, Season
from planner.text import date_long, day_long
from ui.desktop.editors.base import (
    Editor,
    EnterRows,
    _buttons,
    _fill,
    _follow,
    _select_key,
    _selected_key,
    _table,
    date_edit,
    first_day,
    pydate,
    qdate,
)


class BlocksEditor(Editor):
    """Training blocks (mesocycles): a name, dates and an emphasis, shown as a band."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Blocks editor")
        self.table = _table(["Start", "End", "Name", "Emphasis"], "Blocks")
        # a 370-pixel dock cut the emphasis on two lines ("Aerol / spee"): dates without their
        # weekday (the form says it), the emphasis on one line ended by "…", whole in its tooltip
        self.table.setWordWrap(False)
        self.name = QLineEdit()
        self.name.setAccessibleName("Block name")
        self.name.setPlaceholderText("e.g. Pre-season")
        self.start = date_edit("Block start")
        self.end = date_edit("Block end")
        self.emphasis = QLineEdit()
        self.emphasis.setAccessibleName("Block emphasis")
        self.emphasis.setPlaceholderText("e.g. Aerobic base, speed reintroduction")
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("Emphasis", self.emphasis)
        buttons, (self.add_button, self.apply_button, self.delete_button) = _buttons(
            "&Add", "Appl&y", "&Delete")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._load)
        self.start.dateChanged.connect(lambda _q: _follow(self.start, self.end))
        self.add_button.clicked.connect(self.add)
        self.apply_button.clicked.connect(self.apply)
        self.delete_button.clicked.connect(self.delete)
        self._update_buttons()

    def set_season(self, season: Season) -> None:
        if self.unchanged(season, (season.blocks, season.calendar.start, season.calendar.end)):
            return
        key = self.selected_index()
        _fill(self.table, [(i, [date_long(b.start), date_long(b.end), b.name, b.emphasis])
                           for i, b in enumerate(season.blocks)])
        for w in (self.start, self.end):
            w.setDateRange(qdate(season.calendar.start), qdate(season.calendar.end))
        if key is None or key >= len(season.blocks) or not _select_key(self.table, key):
            self._update_buttons()

    def selected_index(self) -> int | None:
        return _selected_key(self.table)

    def blank_form(self) -> None:
        if self.season is None:
            return
        self.name.clear()
        self.emphasis.clear()
        for w in (self.start, self.end):
            w.setDate(first_day(self.season))

    def enter_rows(self) -> EnterRows:
        return self.add_or_apply(self.add_button, self.apply_button,
                                 (self.name, self.start, self.end, self.emphasis))

    def _update_buttons(self) -> None:
        has = self.selected_index() is not None
        self.apply_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _load(self, follow: bool = True) -> None:
        """The selected block into the form (``follow``: the board scrolls to it)."""
        self._update_buttons()
        i = self.selected_index()
        if self.season is None or i is None:
            return
        b = self.season.blocks[i]
        if follow:
            self.date_selected.emit(b.start)
        self.name.setText(b.name)
        self.start.setDate(qdate(b.start))
        self.end.setDate(qdate(b.end))
        self.emphasis.setText(b.emphasis)

    def _block(self, what: str) -> Block | None:
        if not self.dates_ok(what, self.start, self.end):
            return None
        start, end = pydate(self.start.date()), pydate(self.end.date())
        if end < start:  # said in the form's words (the season said 'end' and 'start')
            self.problem.emit(what, f"To ({day_long(end)}) is before From ({day_long(start)}); "
                                    f"pick a To on or after From.")
            return None
        try:
            return Block(name=self.name.text().strip() or "Block", start=pydate(self.start.date()),
                         end=pydate(self.end.date()), emphasis=self.emphasis.text().strip())
        except ValueError as e:
            self.refuse(what, e)
            return None

    def add(self) -> None:
        b = self._block("Add block")
        if b is not None:
            before = self.season
            self.request(E.AddBlock(block=b))
            if self.season is not before:  # shown selected, as a competition or athlete added:
                # a second Enter added the same block again (the board stays where it is: the
                # band shows the block, and a move would ask about another form's typing)
                with QSignalBlocker(self.table):
                    _select_key(self.table, next((i for i, x in enumerate(self.season.blocks)
                                                  if x == b), None))
                self._load(follow=False)

    def apply(self) -> None:
        i = self.selected_index()
        if i is None or self.season is None:
            return
        b = self._block("Edit block")
        if b is not None and b != self.season.blocks[i]:
            self.request(E.UpdateBlock(index=i, block=b))

    def delete(self) -> None:
        i = self.selected_index()
        if i is not None:
            self.request(E.RemoveBlock(index=i))
