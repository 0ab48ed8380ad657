"""The Squad editor: add, edit and delete athletes, and their unavailable dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.season import Athlete, Season, Unavailability
from planner.squad import (
    POSITION_ORDER,
    POSITION_ROOM,
    fitted_position,
    history_counts,
    is_absence,
    left_on,
    near_position,
    position_key,
    read_position,
    rehab_status,
    unknown_position_note,
)
from planner.squadpaste import name_taken
from planner.text import computer_date, day_long, join_and, plural
from ui.desktop.editors.base import (
    Editor,
    EnterRows,
    _buttons,
    _fill,
    _follow,
    _keeps_space,
    _select_key,
    _selected_key,
    _table,
    _wrapped,
    date_edit,
    error_line,
    first_day,
    pydate,
    qdate,
    refusal_lines,
    rows_tall,
    sortable,
)
from ui.desktop.speedbox import SpeedBox, speed_text

NAME, POSITION, SPEED, STATUS = 1, 2, 3, 4  # the list's columns (ID is 0)
# the list's headers: short, as the columns' contents are (a header is the least width of its
# column); each said whole in its tooltip
HEADERS = ("ID", "Name", "Pos.", "Speed", "Status")
HEADER_TIPS = {POSITION: "Position (GK, DF, MF, FW, as on the board; the whole position in a "
                         "cell's tooltip and in the form below)",
               SPEED: "Max speed: the athlete's top sprint, in m/s"}
STATUS_TIP = ("The athlete's injury (its stage), dates away, the day they left the squad and a "
              "default match role other than start. Hold the pointer on a cell to read all of it.")
POSITIONS = tuple(p.capitalize() for p in POSITION_ORDER)  # the known positions (planner.squad)
ATHLETE_FIELDS = {"id": "ID", "name": "Name", "position": "Position", "max_speed": "Max speed",
                  "role": "Match role"}  # the form's names of an athlete's fields
# two lines under the list at 1280 x 720 (three pushed the form down); the tooltip says more
PASTE_HINT = "Paste players onto the list (Ctrl+V): Name, Position, Max speed a line."
PASTE_TIP = ("Ctrl+V on the list adds the players of rows copied from a spreadsheet: a line each, "
             "Name, Position and Max speed, tab- or comma-separated, with the next free IDs, as "
             "one undo step")


class SquadEditor(Editor):
    """The squad: add, edit and delete athletes, and their unavailable dates."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Squad editor")
        self._shown = None  # what the form was loaded from (reloaded when the season changes it)
        self._away_for: str | None = None  # the athlete the absence form was filled for
        self.table = _table(list(HEADERS), "Squad")
        # rows as tall as a line of text and a little room, as the Roles grid's: 30 px rows
        # showed five players of sixty at 1366 x 768
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        # the status ends in "…" at the list's edge ("role: o…"), whole in its tooltip: wrapped,
        # it was cut to "injured (" and "role: ou" with nothing to say more was there
        self.table.setWordWrap(False)
        self.table.horizontalHeaderItem(STATUS).setToolTip(STATUS_TIP)
        for column, tip in HEADER_TIPS.items():
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        # five athletes at least: at 1024 x 600 the list showed 1½ rows beside its own form
        # (the dock scrolls instead); no less than it asks for, so a dock that scrolls gives it
        # the same height whatever the form below it holds (the form moved by 8 pixels); in a
        # taller dock, all the room the athlete's fields leave (_fit_list)
        self.least_rows = max(rows_tall(self.table, 5), self.table.sizeHint().height())
        self.table.viewport().installEventFilter(self)  # its width: the names' room (_fit_columns)
        self.table.setMinimumHeight(self.least_rows)
        sortable(self.table)  # 25 players: a coach looks one up by name or groups a position
        # a squad of 25 typed a player at a time: rows copied from a spreadsheet go in at once
        self.paste_action = QAction("&Paste Players (Name, Position, Max speed)", self.table)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.paste_action.triggered.connect(
            lambda: self.paste_players(QGuiApplication.clipboard().text()))
        self.table.addAction(self.paste_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.paste_note = _wrapped(PASTE_HINT)  # under the list: what a paste takes, then what it did
        self.paste_note.setAccessibleName("Paste note")
        self.table.setToolTip(PASTE_TIP)
        self.athlete_id = QLineEdit()
        self.athlete_id.setAccessibleName("Athlete ID")
        self.athlete_id.setToolTip("A short unique code (A07, or a shirt number); it cannot change "
                                   "once the athlete exists. An ID typed that another athlete "
                                   "has is refused, with the next free one.")
        self.name = QLineEdit()
        self.name.setAccessibleName("Athlete name")
        self.position = QComboBox()
        self.position.setEditable(True)
        self.position.addItems(POSITIONS)
        self.position.setAccessibleName("Athlete position")
        self.position.setCurrentIndex(-1)
        # any sport's word: the list offers football's, a basketball coach read "e.g. Midfielder"
        self.position.lineEdit().setPlaceholderText("e.g. Midfielder, Guard, Prop")
        self.position.setToolTip("Type your sport's position (Guard, Wing, Prop…); the list offers "
                                 "football's")
        # Football's positions are offered in a list under the box, never filled in as one types:
        # a basketball coach's "G", Tab became "Goalkeeper" (GK on the board, HV-1's exemption).
        # What is typed stays unless the coach picks a position (Down, then Tab or Return), which
        # is then as the list says it ("Defender", not "defender" after a "d")
        self.position.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.max_speed = SpeedBox()  # m/s, or km/h as typed from a GPS report
        self.max_speed.setSpecialValueText("not measured")
        self.max_speed.setAccessibleName("Athlete max speed")
        self.role = QComboBox()
        self.role.setAccessibleName("Default match role")
        self.role.setToolTip("The player's role for every match not set in the Roles panel "
                             "(Season ▸ Match Roles)")
        for role, words in (("start", "start (plays)"), ("bench", "bench"), ("out", "out of the squad")):
            self.role.addItem(words, role)
        form = QFormLayout()
        form.addRow("ID", self.athlete_id)
        form.addRow("Name", self.name)
        form.addRow("Position", self.position)
        self.position_note = _wrapped("")  # a position none of the four groups knows
        self.position_note.setAccessibleName("Position note")
        self.position_note.setVisible(False)
        self._own_groups: set[str] = set()  # positions kept as typed when Add offered a group
        # under the buttons (below), its room kept, coming and going: in the form, the fields
        # below it, and the list above that took or gave up the room, moved from under the
        # pointer while a position was typed; kept there, its four empty lines stood between
        # Position and Max speed and pushed Max speed below the fold with the Roles dock open
        self.position.editTextChanged.connect(self._note_position)
        form.addRow("Max speed", self.max_speed)
        form.addRow("Match role", self.role)
        buttons, (self.add_button, self.apply_button, self.delete_button, self.leave_button) = \
            _buttons("&Add", "Appl&y", "&Delete", "&Left the Squad…")
        self.add_button.setToolTip("Add an athlete with these details (the plan must be solved again)")
        self.delete_button.setToolTip("Delete the selected athlete with their whole history: logged "
                                      "sessions, injuries, pins and dates")
        self.leave_button.setToolTip("The selected athlete leaves the squad on a day you give: their "
                                     "past is kept, nothing is planned for them from then")
        self.ask = None  # the window's questions (ui.desktop.interaction); None: nothing asked
        # why Add or Apply changed nothing, under them: an empty name added "Athlete A01", a
        # taken ID typed was renumbered and "99" typed as max speed stored 9.0 m/s, each unsaid
        self.form_error = error_line("Why the athlete was not added or changed")
        for line in (self.athlete_id, self.name, self.max_speed.lineEdit()):
            line.textEdited.connect(lambda _t: self.unsay(self.form_error))
        self.max_speed.refused.connect(lambda why: self.say(self.form_error, f"Max speed: {why}"))

        self.away = QGroupBox("Unavailable (selected athlete)")
        self.away_table = _table(["From", "To", "Reason"], "Unavailable dates")
        self.away_table.setMinimumHeight(rows_tall(self.away_table, 3))  # an absence and his leaving
        self.away_from = date_edit("Unavailable from")
        self.away_to = date_edit("Unavailable to")
        self.away_reason = QLineEdit()
        self.away_reason.setAccessibleName("Unavailable reason")
        self.away_reason.setPlaceholderText("e.g. national team")
        # what Add did with the days after the season's end (a loan to July)
        self.away_note = _wrapped("")
        self.away_note.setAccessibleName("Unavailable note")
        self.away_note.setVisible(False)
        aform = QFormLayout()
        self.away_from.dateChanged.connect(lambda _q: _follow(self.away_from, self.away_to))
        aform.addRow("From", self.away_from)
        aform.addRow("To", self.away_to)
        aform.addRow("Reason", self.away_reason)
        abuttons, (self.away_add, self.away_remove) = _buttons("Add da&tes", "&Remove dates")
        alay = QVBoxLayout(self.away)
        alay.addWidget(self.away_table)
        alay.addLayout(aform)
        alay.addLayout(abuttons)
        alay.addWidget(self.away_note)

        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(_keeps_space(self.paste_note, lines=2))
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.form_error)  # right under the buttons, in sight (not scrolled to)
        lay.addWidget(_keeps_space(self.position_note, lines=4))
        lay.addWidget(self.away)
        self.table.itemSelectionChanged.connect(self._load)
        self.table.itemClicked.connect(lambda _item: self._chosen())
        self.add_button.clicked.connect(self.add)
        self.apply_button.clicked.connect(self.apply)
        self.delete_button.clicked.connect(self.delete)
        self.leave_button.clicked.connect(self.leave)
        self.away_table.itemSelectionChanged.connect(self._update_buttons)
        self.away_add.clicked.connect(self.add_away)
        self.away_remove.clicked.connect(self.remove_away)
        self._update_buttons()
        self.watch_typing()

    def set_season(self, season: Season) -> None:
        # the injuries and today in full: the status read "injured (S2)" after Move Today had
        # recorded his return (the same athletes injured, another record)
        if self.unchanged(season, (season.athletes, season.injuries, season.unavailability,
                                   season.calendar.start, season.calendar.end,
                                   season.calendar.today, season.plan is None)):
            return
        # a note of the last absence added or removed is that change's: after Undo (or any
        # change since) it no longer holds ("kept … removed from today on" read on after Ctrl+Z)
        self.away_note.hide()
        key = self.selected_id()
        away = {u.athlete for u in season.unavailability
                if is_absence(u)}
        rows = []
        for a in season.athletes:
            rehab = rehab_status(season, a.id)
            left = left_on(season, a.id)
            status = ", ".join(x for x, on in ((rehab, rehab is not None),
                                               ("dates away", a.id in away),
                                               (f"left the squad on {day_long(left)}" if left
                                                else "", left is not None),
                                               (f"role: {a.role}", a.role != "start")) if on)
            # the board's short position (GK, DF…): at 1280 x 720 "Midfielder" and the header
            # "Position" left the names "Nico Ferre…" and the status "dates a…"
            rows.append((a.id, [a.id, a.name, fitted_position(a.position, self._position_fits),
                                speed_text(a.max_speed) if a.max_speed else "", status]))
        _fill(self.table, rows)
        for r in range(self.table.rowCount()):  # the whole position under the pointer
            a = season.athlete(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole))
            self.table.item(r, POSITION).setToolTip(a.position if a is not None else "")
        # the status in the room the other columns leave, never past the list's edge
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # stretched, it kept its width at the least
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        # the other columns whole (the name at its header's width: cut to "…" in a narrow
        # list) and a little of the status: the least width the dock narrows to (a window
        # narrowed to 1024 pixels scrolled the list sideways)
        t = self.table
        fixed = sum(t.columnWidth(c) for c in range(t.columnCount()) if c not in (NAME, STATUS))
        t.setMinimumWidth(fixed + header.sectionSizeHint(NAME) + header.minimumSectionSize()
                          + 2 * t.frameWidth() + t.verticalScrollBar().sizeHint().width())
        first = qdate(season.calendar.start)
        # as 'periodize record --unavailable' takes them: an absence starts within the season,
        # and may end after it (a loan to July; the next season carries those days)
        self.away_from.setDateRange(first, qdate(season.calendar.end))
        self.away_to.setDateRange(first, None)
        for w in (self.away_from, self.away_to):
            if w.date() == first:  # not chosen yet: an absence is most often from today on
                w.setDate(first_day(season))
        if key is None or not _select_key(self.table, key):
            self._clear_form()
        elif season.athlete(key) != self._shown:  # the same row selected again emits nothing:
            self._load()  # after an undo the form showed the undone name
        self._fill_away()

    def _position_fits(self, label: str) -> bool:
        """A short position fits the Pos. column: the board's room for it (its header's, when
        wider), so that the list and the board beside it read the same ("Prop", not "Pr")."""
        fm = self.table.fontMetrics()
        room = max(fm.horizontalAdvance(HEADERS[POSITION]), fm.horizontalAdvance(POSITION_ROOM))
        return fm.horizontalAdvance(label) <= room

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        port = self.parentWidget()
        if port is not None:
            port.installEventFilter(self)  # the dock's viewport: its height is the list's room
        self._fit_list()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit_list()
        elif obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(obj, event)

    def _fit_columns(self) -> None:
        """ID, Position and Max speed whole inside the list; the Name in the room they and the
        Status's header leave, ending in "…" where cut (whole in its tooltip), never narrower than
        its header. At 1280 x 720 a long name ("Maximilian Schweinsteiger-Müller") took its whole
        width and pushed Max speed past the list's edge ("8.9 m", "9.5 m"): the units hidden."""
        t, header = self.table, self.table.horizontalHeader()
        fixed = sum(t.columnWidth(c) for c in range(t.columnCount()) if c not in (NAME, STATUS))
        whole = max(t.sizeHintForColumn(NAME), header.sectionSizeHint(NAME))
        room = t.viewport().width() - fixed - header.sectionSizeHint(STATUS)
        width = max(header.sectionSizeHint(NAME), min(whole, room))
        if width != t.columnWidth(NAME):
            t.setColumnWidth(NAME, width)

    def _fit_list(self) -> None:
        """The athlete list as tall as the dock lets it be with the athlete's fields and buttons
        still in sight under it, and the Unavailable group's title whole; its dates below them,
        where the dock scrolls (Tab too). At 1366 x 768 with sixty players the list showed five rows while the dock scrolled
        to an empty Unavailable list. Five rows at least."""
        port = self.parentWidget()
        if port is None or not isinstance(port.parentWidget(), QAbstractScrollArea):
            return
        top = self.table.mapTo(self, QPoint(0, 0)).y()
        # the buttons, and under them the Unavailable group's title and its list's header whole:
        # the dock's edge cut the title in half at 1280 x 720 (its rows are where it scrolls to)
        head = self.away_table.frameWidth() + self.away_table.horizontalHeader().height()
        title = self.away_table.mapTo(self, QPoint(0, head)).y()
        below = title - (top + self.table.height())  # the paste note, the fields, the buttons
        room = port.height() - top - below - self.layout().contentsMargins().bottom()
        height = max(self.least_rows, room)
        if height != self.table.minimumHeight():
            self.table.setMinimumHeight(height)

    def free_id(self) -> str:
        """The next free athlete ID in the squad's own pattern: H19 after H01-H18 (the prefix
        and width most IDs share), A01, A02, … for an empty squad or IDs without a number."""
        from planner.squad import next_ids

        return next_ids([a.id for a in self.season.athletes] if self.season else [])[0]

    def _clear_form(self) -> None:
        if self.season is None:
            return
        self.unsay(self.form_error)  # a refusal of the last form's
        self.athlete_id.setText(self.free_id())
        self.name.clear()
        self.position.setCurrentIndex(-1)  # no position until the coach picks one
        self.max_speed.setValue(0.0)
        self.role.setCurrentIndex(self.role.findData(self._new_role()))
        self._update_buttons()

    def _new_role(self) -> str:
        """A new player's match role unless the coach picks one: start; out of the matchday
        squad until picked in Roles when the season is under way (three signings left at
        "start" made 14 starters a match, unsaid)."""
        return "out" if self.season is not None and joins_on(self.season) else "start"

    def selected_id(self) -> str | None:
        return _selected_key(self.table)

    def select(self, athlete_id: str) -> bool:
        return _select_key(self.table, athlete_id)

    def _chosen(self) -> None:
        aid = self.selected_id()
        if aid:
            self.athlete_selected.emit(aid)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.apply_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.leave_button.setEnabled(has)
        self.away.setEnabled(has)
        self.away_remove.setEnabled(_selected_key(self.away_table) is not None)

    def _load(self) -> None:
        """The selected athlete into the form; after a change of the season it is reloaded only
        when this athlete changed, so what the coach is typing stays."""
        a = self.season.athlete(self.selected_id()) if self.season else None
        was, self._shown = self._shown, a
        if a is None and was is not None:  # the selection cleared: the form is for a new
            self._clear_form()  # athlete (his ID and max speed were left in it)
        if a is not None:
            self.unsay(self.form_error)  # a refusal of the last form's
            self.athlete_id.setText(a.id)
            self.name.setText(a.name)
            self.position.setCurrentText(a.position)
            self.max_speed.setValue(a.max_speed or 0.0)
            self.role.setCurrentIndex(max(0, self.role.findData(a.role)))
            if self._away_for is not None and a.id != self._away_for:
                self._fresh_away()  # another athlete's dates and reason were left in the form
            self._away_for = a.id
        self._fill_away()
        self._update_buttons()
        self.forget_typing()  # the form shows the athlete afresh

    def _fresh_away(self) -> None:
        """The absence form as for a first entry: from today (the planning start), no reason."""
        if self.season is not None:
            self.away_from.setDate(first_day(self.season))
            self.away_to.setDate(first_day(self.season))
        self.away_reason.clear()
        self.away_note.hide()

    def blank_form(self) -> None:
        self.paste_note.setText(PASTE_HINT)  # the last season's paste said no more
        self._clear_form()
        self._fresh_away()

    def _fill_away(self) -> None:
        aid = self.selected_id()
        rows = []
        if self.season is not None and aid is not None:
            rows = [(i, [day_long(u.start), day_long(u.end), u.reason])
                    for i, u in enumerate(self.season.unavailability) if u.athlete == aid]
        _fill(self.away_table, rows)
        self._update_buttons()

    def _note_position(self, text: str) -> None:
        """The note under Position as it is typed: a group of its own, and the group it seems a
        misspelling of ("Midfeilder": did you mean Midfielder?), of the four or of the squad's
        own (taken as typed all the same: a club may have a group of its own). The selected
        player's own stored position is not one of the squad's to offer: it is the one retyped."""
        others = self._other_positions()
        note = unknown_position_note(text, others)
        self.position_note.setText(note or "")
        self.position_note.setVisible(note is not None)

    def typed(self) -> list[QWidget]:
        """As any form's, but the position as the athlete's own ("Goalkeeper" picked from the
        list for his "Goalkeeper") is no change: it asked "Apply what you typed?" on the next
        board move. Only exactly his: "Goalkeeper" for a "goalkeeper" is a change."""
        typed = super().typed()
        a = self.season.athlete(self.selected_id()) if self.season else None
        if a is not None and self.position.currentText().strip() == a.position:
            return [w for w in typed if w is not self.position]
        return typed

    def _other_positions(self) -> list[str]:
        """The positions of the squad but the selected player's (his own is the one retyped)."""
        mine = self.selected_id()
        return [a.position for a in self.season.athletes if a.id != mine] if self.season else []

    def _position_to_add(self, name: str) -> str | None:
        """The form's position for a new player; one close to a group ("Midfeilder") asked once:
        the group (the default), as typed (a group of its own, not asked again), or None
        (cancelled: nothing added). A coach typing with Tab and Alt+A never read the note."""
        typed = read_position(self.position.currentText())  # 'Torwart': Goalkeeper
        near = near_position(typed, self._other_positions()) if typed else None
        if near is None or self.ask is None or position_key(typed) in self._own_groups:
            return typed
        answer = self.ask().choose(
            "Add athlete", f"Did you mean {near}? '{typed}' is none of the squad's groups.\n\n"
            f"Use the Suggestion: {name} is added as {near}.\nKeep as Typed: '{typed}', a group "
            f"of its own (HV-1's goalkeeper exemption reads the position).",
            ("suggested", "astyped", "cancel"), "suggested")
        if answer == "suggested":
            self.position.setEditText(near)
            return near
        if answer == "astyped":
            self._own_groups.add(position_key(typed))
            return typed
        return None

    def _form_refused(self, what: str) -> bool:
        """True (said under the buttons, the form kept) when the Max speed box holds what is no
        speed: its value is the last speed it read ("9" of a "99" typed)."""
        why = self.max_speed.problem()
        if why is None:
            return False
        self.say(self.form_error, f"{what}: Max speed: {why}.")
        return True

    def add(self) -> None:
        """A new athlete with the form's details: the typed name and ID (one another athlete has
        refused with the next free one; the ID of a selected athlete shown, not typed, gives the
        next free one). A form without a name, or with a max speed that is none, adds nothing."""
        if self.season is None:
            return
        self.unsay(self.form_error)
        if self._form_refused("Not added"):
            return
        speed = self.max_speed.value() or None
        aid = self.athlete_id.text().strip()
        name = self.name.text().strip()
        if not name:
            self.say(self.form_error, "Not added: Name is empty; type the athlete's name, then Add.")
            self.name.setFocus()
            return
        taken = next((a for a in self.season.athletes if a.id.casefold() == aid.casefold()), None)
        if taken is not None and self.athlete_id in self.typed():
            self.say(self.form_error, f"Not added: ID {aid} is {taken.name}'s already; type "
                                      f"another ID ({self.free_id()} is free), then Add.")
            self.athlete_id.setFocus()
            return
        if not aid or taken is not None:
            aid = self.free_id()
        same = next((a for a in self.season.athletes if a.name.casefold() == name.casefold()), None)
        if same is not None:  # said where Add's other refusals are (a box, the status bar's
            # last refusal left standing beside it)
            self.say(self.form_error, f"Not added: {name_taken(same)}, then Add.")
            self.name.setFocus()
            return
        position = self._position_to_add(name)
        if position is None:
            return
        # the role the form shows is the selected player's unless the coach picked it for the
        # new one: a name typed over an "out" player's added the newcomer as out
        role = (self.role.currentData() if self.selected_id() is None or self.role in self.typed()
                else self._new_role())
        try:
            athlete = Athlete(id=aid, name=name, position=position, max_speed=speed, role=role)
        except ValueError as e:  # (a name too long, a control character): there too
            self.say(self.form_error, f"Not added: {'; '.join(refusal_lines(e, ATHLETE_FIELDS))}.")
            return
        before = self.season
        self.request(E.AddAthlete(athlete=athlete, joins=joins_on(self.season)))
        if self.season is before:  # refused, and said why: the typing stays
            return
        self._next_player(aid)

    def _next_player(self, added: str) -> None:
        """After Add, the form is the next new player's, with the ID Add will give him: it kept
        the one added, whose ID sat beside the next name typed though Add gave the next one.
        The one added is in sight in the list, not selected (Alt+Y applies to a selected one)."""
        self.table.clearSelection()
        self._clear_form()
        self._fill_away()
        self.forget_typing()
        item = next((it for r in range(self.table.rowCount()) if (it := self.table.item(r, 0))
                     is not None and it.data(Qt.ItemDataRole.UserRole) == added), None)
        if item is not None:
            self.table.scrollToItem(item)
        focus = self.focusWidget()
        if focus is not None and self.isAncestorOf(focus):  # typing on: the next name
            self.name.setFocus()

    def paste_players(self, text: str) -> bool:
        """Ctrl+V on the list: a player a line (Name, Position, Max speed, copied from a
        spreadsheet) added with the next free IDs as one undo step; one line that cannot be used
        adds nothing, each such line named with its fix (``planner.squadpaste``)."""
        from planner.squadpaste import read_pasted
        from ui.desktop.macro import EditGroup

        if self.season is None:
            return False
        joins = joins_on(self.season)
        pasted = read_pasted(text, self.season, "out" if joins else "start")
        if pasted.problems:
            self.problem.emit("Paste players", "Nothing added:\n" + "\n".join(pasted.problems))
            return False
        added = pasted.athletes
        ids = added[0].id if len(added) == 1 else f"{added[0].id} to {added[-1].id}"
        what = f"Add {plural(len(added), 'athlete')} pasted ({ids})"
        before = self.season
        self.request(EditGroup([E.AddAthlete(athlete=a, joins=joins) for a in added], what))
        if self.season is before:  # refused, and said why
            return False
        slow = sum(a.max_speed is None for a in added)  # said by the paste's note; the fix here
        fix = [f"To record it: select {'them' if slow == 1 else 'each'} in the list and type it "
               f"under Max speed, then Apply."] if slow else []
        self.say(self.paste_note, "\n".join([f"{what}.", *pasted.notes, *fix]))
        return True

    def apply(self) -> None:
        a = self.season.athlete(self.selected_id()) if self.season else None
        if a is None:
            return
        if self.athlete_id.text().strip() not in ("", a.id):
            self.say(self.form_error, f"Not changed: an athlete's ID cannot change ({a.id}); Add "
                                      f"makes a new athlete with the ID typed.")
            return
        self.unsay(self.form_error)
        if self._form_refused("Not changed"):
            return
        speed = self.max_speed.value() or None
        name, pos = self.name.text().strip(), read_position(self.position.currentText())
        role = self.role.currentData()
        if (name, pos, speed, role) == (a.name, a.position, a.max_speed, a.role):
            return
        before = self.season
        self.request(E.UpdateAthlete(athlete=a.id, name=name or a.name, position=pos,
                                     max_speed=speed, clear_max_speed=speed is None, role=role))
        if self.season is before:  # refused (said why): the form shows what is stored, not
            self._load()  # "not measured" beside the list's 9.0 m/s

    def delete(self) -> None:
        """Delete the selected athlete; one with a history (logged sessions, injury records,
        tests, absences) only once the coach said so, with Left the Squad… offered instead."""
        aid = self.selected_id()
        if aid is None or self.season is None:
            return
        had = history_counts(self.season, aid)
        if had and self.ask is not None:
            who = self.season.athlete_label(aid)
            answer = self.ask().choose(
                "Delete athlete", f"Delete {who} and their {join_and(had)}? To keep their history, "
                f"use Left the Squad… instead.", ("delete", "leftsquad", "cancel"), "cancel")
            if answer == "leftsquad":
                self.leave()
            if answer != "delete":
                return
        self.request(E.RemoveAthlete(athlete=aid))

    def leave_default(self, aid: str) -> dt.date:
        """The day Left the Squad… offers: the day ``aid`` is recorded as leaving, else today,
        or the season's first day after the date today when the season has no today (within the
        season)."""
        cal = self.season.calendar
        day = left_on(self.season, aid) or cal.today or computer_date() + dt.timedelta(days=1)
        return min(max(day, cal.start), cal.end)

    def leave(self) -> None:
        """The selected athlete leaves the squad on the day the coach gives (his past is kept)."""
        from planner.scenarios import past_change_problem

        aid = self.selected_id()
        if aid is None or self.season is None or self.ask is None:
            return
        cal, who = self.season.calendar, self.season.athlete_label(aid)
        was = left_on(self.season, aid)
        moves = f"{who} is recorded as leaving on {day_long(was)}; a new day moves it. " if was else ""
        leaves = self.ask().ask_date(  # the date field of the forms here, not free text
            "Left the squad", f"{moves}{who}'s first day away (their past is kept; nothing is "
            f"planned for them from that day):", self.leave_default(aid), cal.start, cal.end)
        if leaves is None:
            return
        edit = E.LeaveSquad(athlete=aid, leaves=leaves)
        past = past_change_problem(self.season, edit)
        if past is not None:
            self.problem.emit("Left the squad", f"{who}: {past}.")
            return
        self.request(edit)

    def typing_rows(self) -> list[tuple[QPushButton, tuple[QWidget, ...]]]:
        return [(self.apply_button, (self.athlete_id, self.name, self.position, self.max_speed,
                                     self.role)),
                (self.away_add, (self.away_from, self.away_to, self.away_reason))]

    def enter_rows(self) -> EnterRows:
        rows = self.typing_rows()
        details = self.add_or_apply(self.add_button, self.apply_button, rows[0][1])
        return EnterRows([*details.rows, *rows[1:]], details.choice)

    def add_away(self) -> None:
        aid = self.selected_id()
        if aid is None or not self.dates_ok("Unavailable dates", self.away_from, self.away_to):
            return
        start, end = pydate(self.away_from.date()), pydate(self.away_to.date())
        if end < start:
            self.problem.emit("Unavailable dates", f"To ({day_long(end)}) is before From "
                                                   f"({day_long(start)}); pick a To on or after From.")
            return
        try:
            u = Unavailability(athlete=aid, start=pydate(self.away_from.date()),
                               end=pydate(self.away_to.date()), reason=self.away_reason.text().strip())
        except ValueError as e:
            self.refuse("Unavailable dates", e, {"start": "From", "end": "To", "reason": "Reason"})
            return
        from planner.scenarios import past_change_problem

        edit = E.AddUnavailability(unavailability=u)
        past = past_change_problem(self.season, edit)
        if past is not None:  # as the command line's 'record' refuses it
            self.problem.emit("Unavailable dates", f"From {past}.")
            return
        before, last = self.season, self.season.calendar.end
        self.request(edit)
        if self.season is not before and end > last:
            self.say(self.away_note, f"{self.season.athlete_label(aid)} away to {day_long(end)}: "
                                     f"the days after the season's last day ({day_long(last)}) "
                                     f"are kept for the next season (File ▸ New ▸ Next season "
                                     f"carries them).")

    def remove_away(self) -> None:
        from planner.scenarios import past_change_problem

        i = _selected_key(self.away_table)
        if i is None or self.season is None:
            return
        edit = E.RemoveUnavailability(index=i)
        past = past_change_problem(self.season, edit)
        if past is not None:  # as adding it from a day gone by is refused
            self.problem.emit("Unavailable dates", f"{past}.")
            return
        kept, before = edit.kept_past(self.season), self.season
        said = edit.describe(before)
        self.request(edit)
        if self.season is not before and kept is not None:
            self.say(self.away_note, f"{said}.")


def joins_on(season) -> dt.date | None:
    """The day a player added now joins a season under way (planned, today inside it): the days
    before it are "not in the squad yet"; None for a squad built before the season is planned."""
    from planner.validate import planning_start

    cal = season.calendar
    if season.plan is None or cal.today is None:
        return None
    day = planning_start(season)
    return day if cal.start < day <= cal.end else None
