"""Help ▸ Getting Started and Help ▸ Rules (issue 14): the README's coach session with its
screenshots and the rules reference, in the app and offline."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QUrl

from ui.desktop.helpdocs import ROOT, getting_started_markdown, heading_anchor
from ui.desktop.mainwindow import MainWindow, load_demo_season


def test_help_has_getting_started_and_rules(qtbot):
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Help")
    assert [a.text().replace("&", "") for a in help_menu.actions() if a.text()] == [
        "Getting Started", "User Guide", "Rules", "File Formats", "About Periodize"]

    w.guide_action.trigger()
    h = w.help_window
    text = h.browser.toPlainText()
    assert "For a coach" in text and "File ▸ New" in text and "Plan ▸ Solve" in text
    shots = h.images()
    assert "docs/screenshots/board.png" in shots and len(shots) >= 3
    assert all((ROOT / s).exists() for s in shots)  # offline: every picture is on disk
    assert _drawn(h) == shots

    h.follow(QUrl("docs/screenshots/editor-squad.png"))  # a screenshot link: the picture
    assert h.page == ("image", "docs/screenshots/editor-squad.png")
    h.back()
    assert h.page == ("start", "") and "For a coach" in h.browser.toPlainText()

    h.follow(QUrl("docs/rules.md"))  # the README's link to the rules: the rules page
    assert h.page == ("rules", "")
    text = h.browser.toPlainText()
    assert "Rules reference" in text and "AV-1" in text and "Hard rules" in text
    w.rules_help_action.trigger()
    assert h.page == ("rules", "")


def test_the_guide_is_the_readmes_coach_session(tmp_path):
    (tmp_path / "README.md").write_text("# Periodize\n\nIntro.\n\n## Start\n\nmake run\n\n"
                                        "## For a coach\n\nSolve with F5.\n\n## Command line\n\n"
                                        "periodize solve\n", encoding="utf-8")
    md = getting_started_markdown(tmp_path)
    assert "Intro." in md and "Solve with F5." in md
    assert "make run" not in md and "periodize solve" not in md
    assert "not installed" in getting_started_markdown(tmp_path / "nowhere")


def test_the_first_screen_of_the_guide_holds_the_steps_of_a_first_season():
    """The README's board picture, drawn 760 wide, filled the guide's first screen: the steps
    of a first season sat below it. The steps come first, the picture after them."""
    md = getting_started_markdown()
    steps = md.index("### Your first season, step by step")
    picture = md.index("![The season board")
    assert steps < picture < md.index("### The app, menu by menu")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert md.count("](docs/screenshots/") == readme.split("\n## Command line", 1)[0].count(
        "](docs/screenshots/")  # every picture of the introduction and the guide kept once


def test_the_guide_covers_the_season_in_progress_and_its_links_work(qtbot):
    """Help ▸ Getting Started left out the weekly loop and the Load panel (they sat under the
    README's command line); a link with an #anchor, a docs page's link to its neighbour and the
    link to the session catalogue did nothing."""
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.guide_action.trigger()
    h = w.help_window
    text = h.browser.toPlainText()
    assert "Season ▸ New Week" in text and "Season ▸ Log Sessions" in text and "View ▸ Load" in text

    h.follow(QUrl("docs/semantics.md#flare-ups"))
    assert h.page == ("doc", "docs/semantics.md")
    bar = h.browser.verticalScrollBar()
    assert bar.value() > 0  # at the heading, not the page's top
    cursor_text = h.browser.cursorForPosition(h.browser.viewport().rect().topLeft()).block().text()
    assert "flare" in cursor_text.lower(), cursor_text

    h.follow(QUrl("docs/file-format.md"))
    h.follow(QUrl("sessions.md"))  # relative to docs/, as on GitHub
    assert h.page == ("doc", "docs/sessions.md")
    h.follow(QUrl("../templates/sessions.json"))
    assert h.page == ("doc", "templates/sessions.json")
    assert '"periodize-sessions"' in h.browser.toPlainText()
    h.follow(QUrl("../../outside.md"))  # outside the installed folder: nothing happens
    assert h.page == ("doc", "templates/sessions.json")


def test_the_help_window_fits_the_screen(qtbot):
    """F1 on a 1024 x 600 screen opened a 900 x 640 window: its bottom and the bottom of its
    scroll bar were below the screen. It is sized to the screen's free area, frame included."""
    from ui.desktop.layout import FRAME

    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.guide_action.trigger()
    h = w.help_window
    free = h.screen().availableGeometry().size()
    assert free.width() < 900 + FRAME.width()  # the test's screen is narrower than the window was
    assert h.width() + FRAME.width() <= free.width()
    assert h.height() + FRAME.height() <= free.height()
    assert h.height() <= 640 and h.width() >= 600


def test_help_opens_on_its_text_and_its_keys_enlarge_it_for_the_session(qtbot, monkeypatch):
    """F1 left the keyboard on Getting Started (Page Down did nothing) and Ctrl++, Ctrl+= and
    Ctrl+− changed nothing: the text has the keyboard, those keys make it larger and smaller,
    and a Help window opened later keeps the size."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.desktop.helpdocs import HelpWindow

    monkeypatch.setattr(HelpWindow, "zoom", 0)
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.guide_action.trigger()
    h = w.help_window
    qtbot.waitExposed(h)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is h.browser, timeout=2000)
    bar = h.browser.verticalScrollBar()
    qtbot.keyClick(h.browser, Qt.Key.Key_PageDown)
    assert bar.value() > 0  # Page Down reads on

    size = h.browser.font().pointSizeF()
    qtbot.keyClick(h.browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    bigger = h.browser.font().pointSizeF()
    assert bigger > size
    qtbot.keyClick(h.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert h.browser.font().pointSizeF() > bigger
    qtbot.keyClick(h.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert h.browser.font().pointSizeF() == bigger
    other = HelpWindow()  # the next Help of the run: the same size
    qtbot.addWidget(other)
    assert other.browser.font().pointSizeF() == bigger
    qtbot.keyClick(h.browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert h.browser.font().pointSizeF() == size


def _drawn(h) -> list[str]:
    """The pictures the shown page holds whose image the window has (drawn, not a blank box)."""
    from PySide6.QtGui import QTextDocument, QTextImageFormat

    doc = h.browser.document()
    doc.size()  # laid out: every picture loaded
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                name = QTextImageFormat(fmt).name()
                res = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
                if res is not None and not res.isNull():
                    names.append(name)
            it += 1
        block = block.next()
    return names


def test_help_user_guide_is_the_app_menu_by_menu_with_its_pictures(qtbot):
    """The README's 1,100 lines for a coach moved to docs/guide.md (review 236): Help ▸ User
    Guide opens it in the window, its pictures (``screenshots/…``, from docs/) drawn, and the
    README's links to it, with an #anchor, open it there too."""
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.user_guide_action.trigger()
    h = w.help_window
    assert h.page == ("doc", "docs/guide.md") and h.windowTitle() == "Help: User Guide"
    text = h.browser.toPlainText()
    assert "Everything the app does" in text and "Season ▸ New Week" in text
    shots = h.images()
    assert len(shots) >= 20 and "screenshots/editor-injuries.png" in shots
    assert all((ROOT / "docs" / s).exists() for s in shots)  # offline: every picture is on disk
    assert _drawn(h) == shots  # each drawn, read from docs/ as the page names it

    h.follow(QUrl("screenshots/editor-squad.png"))  # a picture's link, relative to docs/
    assert h.page == ("image", "docs/screenshots/editor-squad.png")
    h.back()
    assert h.page == ("doc", "docs/guide.md")
    h.follow(QUrl("cli.md#training-load"))  # the command line's page, at its heading
    assert h.page == ("doc", "docs/cli.md") and h.browser.verticalScrollBar().value() > 0
    h.follow(QUrl("../README.md#your-first-season-step-by-step"))  # back to the first season
    assert h.page == ("start", "")

    w.guide_action.trigger()  # Getting Started's links to the guide open it at their heading
    h.follow(QUrl("docs/guide.md#the-season-in-progress-the-weekly-loop"))
    assert h.page == ("doc", "docs/guide.md") and h.browser.verticalScrollBar().value() > 0
    h.guide_button.click()
    assert h.page == ("doc", "docs/guide.md")


def _heading_offset(h, title: str) -> float:
    """How far below the top of the Help text the heading ``title`` is drawn (0: at the top)."""
    doc = h.browser.document()
    block = doc.begin()
    while block.isValid() and not (block.blockFormat().headingLevel() and block.text() == title):
        block = block.next()
    assert block.isValid(), title
    top = doc.documentLayout().blockBoundingRect(block).top()
    return top - h.browser.verticalScrollBar().value()


def test_a_link_to_a_section_of_another_page_opens_on_its_heading(qtbot):
    """Review 238: the README's link to a section of the User Guide, below the guide's
    pictures, opened about a screen above the heading (the scroll bar had not learnt the
    page's length yet): the heading is at the top of the text."""
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.guide_action.trigger()
    h = w.help_window
    for title in ("Another sport (basketball, hockey, …)", "The next season"):
        h.show_getting_started()
        h.follow(QUrl("docs/guide.md#" + heading_anchor(title)))
        assert h.page == ("doc", "docs/guide.md")
        md = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
        assert md[:md.index("## " + title)].count("![") >= 5  # several pictures above it
        assert abs(_heading_offset(h, title)) <= 4, title
        top = h.browser.cursorForPosition(h.browser.viewport().rect().topLeft()).block()
        assert top.text() == title


def test_back_returns_where_the_coach_was_reading(qtbot):
    """Review 238: Back showed the page before from its title (on the 105 KB guide, paging
    down all over again): it returns to where the coach was reading, pages deep too."""
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.guide_action.trigger()
    h = w.help_window
    bar = h.browser.verticalScrollBar()
    for _ in range(3):
        bar.triggerAction(bar.SliderAction.SliderPageStepAdd)  # Page Down, three times
    start = bar.value()
    assert start > 0
    h.follow(QUrl("docs/guide.md#the-next-season"))
    guide = bar.value()
    assert h.page == ("doc", "docs/guide.md") and guide > start
    h.follow(QUrl("cli.md"))
    assert h.page == ("doc", "docs/cli.md") and bar.value() == 0
    h.follow(QUrl("screenshots/editor-squad.png"))
    assert h.page == ("image", "docs/screenshots/editor-squad.png")
    h.back()
    assert h.page == ("doc", "docs/cli.md") and bar.value() == 0
    h.back()
    assert h.page == ("doc", "docs/guide.md") and bar.value() == guide
    h.back()
    assert h.page == ("start", "") and bar.value() == start
    assert not h.back_button.isEnabled()


def test_the_workbook_forms_link_opens_it_or_says_where_it_is(qtbot, monkeypatch, tmp_path):
    """Review 238: the User Guide's link to the coach workbook's form did nothing (a focus box,
    no file, no message). It is handed to the computer's program for it, the line under the
    text saying so; where no program opens it, the line says where the form is and how to get
    a copy."""
    from PySide6.QtGui import QDesktopServices

    from ui.desktop.helpdocs import HelpWindow

    opened: list[QUrl] = []
    answer = [True]

    def open_url(url):
        opened.append(url)
        return answer[0]

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    form = ROOT / "templates" / "import-template.xlsx"
    assert form.is_file()
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.user_guide_action.trigger()
    h = w.help_window
    md = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    assert "](../templates/import-template.xlsx)" in md  # the link as the guide has it
    h.follow(QUrl("../templates/import-template.xlsx"))
    assert opened == [QUrl.fromLocalFile(str(form))]
    assert h.page == ("doc", "docs/guide.md")  # the guide stays shown
    assert not h.status.isHidden() and "Opened import-template.xlsx" in h.status.text()
    assert "new name" in h.status.text()

    answer[0] = False  # no spreadsheet program (or none the system knows)
    w.guide_action.trigger()
    assert h.status.isHidden()  # a new page: the line is gone
    h.follow(QUrl("templates/import-template.xlsx"))  # the README's link, from the root
    assert opened[-1] == QUrl.fromLocalFile(str(form)) and len(opened) == 2
    said = h.status.text()
    assert str(form.parent) in said and "periodize template -o team.xlsx" in said, said
    assert h.page == ("start", "")

    bare = HelpWindow(root=tmp_path)  # a copy installed without the templates
    qtbot.addWidget(bare)
    bare.follow(QUrl("templates/import-template.xlsx"))
    assert len(opened) == 2 and "not installed" in bare.status.text()


def test_help_file_formats_opens_the_file_formats_page(qtbot):
    """Review 238: no page of Help led to docs/file-format.md, yet a session log's message sends
    the coach to its column names. Help ▸ File Formats opens it in the window, as User Guide
    opens the guide, and the window's File Formats button too."""
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.formats_help_action.trigger()
    h = w.help_window
    assert h.page == ("doc", "docs/file-format.md") and h.windowTitle() == "Help: File Formats"
    text = h.browser.toPlainText()
    assert "The coach workbook (Excel in)" in text and "Athlete ID" in text and "RPE" in text
    assert text.startswith("File formats")
    # it opens at the session log's columns (review 248: on the season file's JSON schema, the
    # session log 200 lines down, though the README says it shows the session log's columns)
    log = "The session log (CSV, Excel)"
    assert abs(_heading_offset(h, log)) <= 4, _heading_offset(h, log)
    # the first line in sight (a pixel row below the table above it, whose border touches it)
    assert h.browser.cursorForPosition(QPoint(5, 10)).block().text() == log

    h.follow(QUrl("#the-coach-workbook-excel-in"))  # its own sections, as on GitHub
    assert h.browser.verticalScrollBar().value() > 0
    h.follow(QUrl("sessions.md"))  # its links, from docs/
    assert h.page == ("doc", "docs/sessions.md")
    h.formats_button.click()
    assert h.page == ("doc", "docs/file-format.md")
    h.back()
    assert h.page == ("doc", "docs/sessions.md")
    w.user_guide_action.trigger()
    assert h.windowTitle() == "Help: User Guide"


def test_the_user_guides_contents_and_the_readmes_links_to_its_parts_open_at_their_heading(qtbot):
    """docs/guide.md got a contents list and a heading per part of the app (review 238): each
    entry, and the README's "Straight to:" links, open the page at that heading in Help too,
    which finds a heading by the anchor GitHub gives it."""
    import re

    from tests.test_doc_links import slug

    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    contents = re.findall(r"\]\(#([^)]+)\)", text.split("## Everything the app does", 1)[0])
    assert len(contents) >= 15
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.user_guide_action.trigger()
    h = w.help_window
    bar = h.browser.verticalScrollBar()
    doc = h.browser.document()
    headings = {}  # each heading's anchor, as GitHub gives it, and its place on the page
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings[slug(block.text())] = int(doc.documentLayout().blockBoundingRect(block).top())
        block = block.next()
    tops = []
    for anchor in contents:
        h.follow(QUrl("#" + anchor))
        # the heading itself (or the page's end, for one near it), not a search for its words
        assert anchor in headings and bar.value() == min(headings[anchor], bar.maximum()), anchor
        tops.append(bar.value())
    assert tops == sorted(tops) and len(set(tops)) > 10  # in the page's order, each its own place

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    w.guide_action.trigger()  # Getting Started: the README's links to the guide's parts
    for anchor in re.findall(r"\(docs/guide\.md#([^)]+)\)", readme):
        h.show_getting_started()
        h.follow(QUrl(f"docs/guide.md#{anchor}"))
        assert h.page == ("doc", "docs/guide.md") and bar.value() > 0, anchor
