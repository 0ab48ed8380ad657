"""Help ▸ Getting Started and Help ▸ Rules: the coach's guide and the rules reference in a
window of the app, offline (issue 14).

- **Getting Started** is the README's introduction and its "For a coach" session, with its
  screenshots (``docs/screenshots``), read from the files next to the app: one text for the
  README and the help, never two.
- **User Guide** is ``docs/guide.md``, the app menu by menu, with its screenshots (a docs page's
  own paths, ``screenshots/…``, read from the page's folder).
- **File Formats** is ``docs/file-format.md``, opened at the session log's and the coach
  workbook's columns, which the app's messages send the coach to read.
- **Rules** is the rules reference (``docs/rules.md``), made from the rule table by
  ``planner.rulesdoc`` (so it is there even where the docs folder is not).

Links stay inside the window: a screenshot opens larger, ``docs/*.md`` opens in the window, a
web link opens in the browser only when clicked, another file (the coach workbook's form,
``templates/import-template.xlsx``) in the computer's program for it, the line under the text
saying where the file is. Back returns to the page before, where the coach was reading on it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui.desktop.layout import fitting_size

ROOT = Path(__file__).resolve().parents[2]  # the folder with README.md and docs/
GUIDE = "docs/guide.md"  # Help ▸ User Guide
FORMATS = "docs/file-format.md"  # Help ▸ File Formats
# where Help ▸ File Formats opens: the session log's columns, the coach workbook's below them
# (the page's top, the season file's JSON keys, is not what a coach comes for)
FORMATS_AT = "the-session-log-csv-excel"
TITLES = {GUIDE: "User Guide", FORMATS: "File Formats"}  # the window's title on those pages
FORM = "templates/import-template.xlsx"  # the coach workbook's form, which the guide links
IMAGE_WIDTH = 760  # screenshots in the text; a click opens one at full size
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.png)\)")
LINK = re.compile(r"\]\(([^)\s]+\.png)\)")


def getting_started_markdown(root: Path | None = None) -> str:
    """The README's title and introduction and its "For a coach" section (the session a coach
    follows); a short note when the README is not installed with the app."""
    path = (root or ROOT) / "README.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ("# Getting started\n\nThe guide (README.md) was not installed with this copy "
                "of Periodize. Help ▸ Rules has the rules reference.")
    intro = text.split("\n## ", 1)[0]
    coach = ""
    m = re.search(r"^## For a coach\n(.*?)(?=^## )", text, flags=re.S | re.M)
    if m:
        coach = "## For a coach\n" + m.group(1)
    # the introduction's picture (the board, drawn 760 wide) filled the first screen and put
    # the steps of a first season below it: it comes after them, before the full guide
    pictures = "\n\n".join(p.group(0) for p in re.finditer(r"^!\[.*$", intro, flags=re.M))
    intro = re.sub(r"^!\[.*\n?", "", intro, flags=re.M)
    steps = re.search(r"^### (?!Your first season)", coach, flags=re.M)
    if pictures and steps:
        coach = coach[:steps.start()] + pictures + "\n\n" + coach[steps.start():]
    elif pictures:
        coach += "\n\n" + pictures
    return re.sub(r"\n{3,}", "\n\n", intro).rstrip() + "\n\n" + coach.strip() + "\n"


def rules_markdown() -> str:
    from planner.rulesdoc import rules_markdown as make

    return make()


class _Browser(QTextBrowser):
    """A text browser that draws the screenshots at the window's width (a click on one opens it
    at full size)."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root
        self.base = root  # the folder the shown page's relative paths start from
        self.full_size = False

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt API
        if kind == QTextDocument.ResourceType.ImageResource.value and not self.full_size:
            path = Path(url.toLocalFile()) if url.isLocalFile() else self.base / url.toString()
            image = QImage(str(path))
            if not image.isNull():
                return image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation) \
                    if image.width() > IMAGE_WIDTH else image
        return super().loadResource(kind, url)


class HelpWindow(QWidget):
    """A help window (not modal): Back, Getting Started, User Guide, Rules, File Formats, and
    the text.

    The text has the keyboard when Help opens (Page Down scrolls it: it started on Getting
    Started, so Page Down did nothing), and Ctrl++ (or Ctrl+=) and Ctrl+− make it larger and
    smaller, Ctrl+0 as it was; the size is kept while the app runs (:attr:`zoom`)."""

    zoom = 0  # the text's steps larger (or smaller, below 0), for every Help window of the run
    ZOOM_STEPS = (-4, 12)

    def __init__(self, parent: QWidget | None = None, root: Path | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle("Help")
        self.setAccessibleName("Help")
        self.root = root or ROOT
        self.browser = _Browser(self.root)
        self.browser.setAccessibleName("Help text")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.back_button = QPushButton("◀ Back")
        self.back_button.setAccessibleName("Back")
        self.start_button = QPushButton("Getting Started")
        self.guide_button = QPushButton("User Guide")
        self.rules_button = QPushButton("Rules")
        self.formats_button = QPushButton("File Formats")
        row = QHBoxLayout()
        for b in (self.back_button, self.start_button, self.guide_button, self.rules_button,
                  self.formats_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.browser, 1)
        # what a click on a file did (opened it, or where it is): a link that did nothing left
        # only a focus box; selectable, so a path can be copied
        self.status = QLabel()
        self.status.setAccessibleName("Help status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        lay.addWidget(self.status)
        self.back_button.clicked.connect(self.back)
        self.start_button.clicked.connect(self.show_getting_started)
        self.guide_button.clicked.connect(self.show_user_guide)
        self.rules_button.clicked.connect(self.show_rules)
        self.formats_button.clicked.connect(self.show_file_formats)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        seen: set[str] = set()  # one shortcut a key: two alike would both stay silent
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1), ("Ctrl++", 1), ("Ctrl+=", 1),
                           (QKeySequence.StandardKey.ZoomOut, -1), ("Ctrl+-", -1), ("Ctrl+0", 0)):
            for seq in (QKeySequence.keyBindings(keys) if not isinstance(keys, str)
                        else [QKeySequence(keys)]):
                if seq.isEmpty() or seq.toString() in seen:
                    continue
                seen.add(seq.toString())
                key = QShortcut(seq, self)
                key.activated.connect(lambda step=step: self.zoom_by(step))
        self.browser.zoomIn(HelpWindow.zoom)
        self.history: list[tuple[tuple[str, str], int]] = []  # each page left, and its scroll
        self.page: tuple[str, str] | None = None
        self.resize(fitting_size(self, QSize(900, 640)))  # on a 1024 x 600 screen: less
        self._update_back()

    def zoom_by(self, step: int) -> None:
        """The text a step larger (1), smaller (-1) or as it was (0), kept for the next Help."""
        low, high = self.ZOOM_STEPS
        want = 0 if step == 0 else min(high, max(low, HelpWindow.zoom + step))
        if want != HelpWindow.zoom:
            self.browser.zoomIn(want - HelpWindow.zoom)
            HelpWindow.zoom = want

    # -- pages ------------------------------------------------------------------------------------
    def show_getting_started(self) -> None:
        self._go(("start", ""))

    def show_user_guide(self) -> None:
        """docs/guide.md, the app menu by menu (the README's coach session links to it)."""
        self._go(("doc", GUIDE))

    def show_rules(self) -> None:
        self._go(("rules", ""))

    def show_file_formats(self) -> None:
        """docs/file-format.md: every file's columns and fields (a session log's headers the
        app did not read, the workbook's sheets); no page of Help linked it. It opens at the
        session log (:data:`FORMATS_AT`): it opened on the season file's JSON schema, the
        session log some 200 lines down."""
        self._go(("doc", FORMATS))
        self.scroll_to_heading(FORMATS_AT)

    def back(self) -> None:
        """The page before, scrolled where the coach left it (it opened at its top: on the
        guide, paging down all over again)."""
        if self.history:
            self.page = None
            page, y = self.history.pop()
            self._show(page)
            self.scroll_to(y)
            self._update_back()

    def _go(self, page: tuple[str, str]) -> None:
        if self.page is not None and self.page != page:
            self.history.append((self.page, self.browser.verticalScrollBar().value()))
        self._show(page)
        self._update_back()
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)  # Page Down reads on

    def _show(self, page: tuple[str, str]) -> None:
        self.page = page
        self.say("")
        kind, arg = page
        if kind == "start":
            self.setWindowTitle("Help: Getting Started")
            self._markdown(getting_started_markdown(self.root))
        elif kind == "rules":
            self.setWindowTitle("Help: Rules")
            self._markdown(rules_markdown())
        elif kind == "doc":
            self.setWindowTitle(f"Help: {TITLES.get(arg, Path(arg).name)}")
            try:
                text = (self.root / arg).read_text(encoding="utf-8")
            except OSError:  # the guide not installed with this copy
                text = (f"# {Path(arg).name}\n\nThis page was not installed with this copy of "
                        "Periodize. Help ▸ Getting Started and Help ▸ Rules are here.")
            if not arg.endswith(".md"):  # a template file the guide links to: shown as it is
                text = f"# {arg}\n\n```\n{text}\n```\n"
            self._markdown(text, (self.root / arg).parent)
        elif kind == "image":
            self.setWindowTitle(f"Help: {Path(arg).name}")
            self.browser.full_size = True
            self.browser.base = self.root
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.root) + "/"))
            self.browser.setHtml(f'<p><a href="help:back">◀ Back</a></p><img src="{arg}">')

    def _update_back(self) -> None:
        self.back_button.setEnabled(bool(self.history))

    def _markdown(self, text: str, folder: Path | None = None) -> None:
        """Show markdown; its screenshots (paths from ``folder``, the page's own: the README's
        from the root, a docs page's from docs/) are drawn scaled."""
        self.browser.full_size = False
        self.browser.base = folder or self.root
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.browser.base) + "/"))
        self.browser.setMarkdown(text)
        self.browser.verticalScrollBar().setValue(0)

    def images(self) -> list[str]:
        """The screenshots the shown page draws (tests)."""
        return IMAGE.findall(self.browser.toMarkdown())

    # -- links ------------------------------------------------------------------------------------
    def follow(self, url: QUrl) -> None:
        text = url.toString()
        if text == "help:back":
            self.back()
        elif text.startswith("#"):
            self.scroll_to_heading(text[1:])
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)  # only when the coach clicks a web link
        else:
            bare = QUrl(url)
            bare.setFragment(None)
            rel = self._relative(bare)
            if rel is None:
                return
            if rel == "docs/rules.md":
                self.show_rules()
            elif rel == "README.md":  # a docs page's link back to the first season's steps
                self.show_getting_started()
            elif rel.endswith(".png") and (self.root / rel).exists():
                self._go(("image", rel))
            elif rel.endswith((".md", ".json", ".csv")) and (self.root / rel).is_file():
                self._go(("doc", rel))
            else:
                self.open_file(rel)
                return
            if url.hasFragment():
                self.scroll_to_heading(url.fragment())

    def open_file(self, rel: str) -> None:
        """A link to a file the window does not show (the workbook form): opened in the
        computer's program for it, the line under the text saying so, or where the file is when
        no program opens it (it did nothing at all)."""
        path = self.root / rel
        name = path.name
        form = rel == FORM
        copy = "periodize template -o team.xlsx writes a copy of the form" if form else ""
        if not path.is_file():
            self.say(f"{name} was not installed with this copy of Periodize"
                     + (f"; {copy}." if copy else "."))
        elif QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.say(f"Opened {name} ({path.parent}). " + (
                "Save it under a new name before you fill it in." if form else ""))
        else:
            self.say(f"No program here opens {name}. It is in {path.parent}"
                     + (f"; {copy}." if copy else "."))

    def say(self, text: str) -> None:
        """``text`` on the line under the help text (none: the line hidden)."""
        self.status.setText(text.strip())
        self.status.setVisible(bool(text))

    def _relative(self, url: QUrl) -> str | None:
        """The link's file relative to the root: a link on a docs page is relative to that page's
        folder (``sessions.md`` on docs/file-format.md is docs/sessions.md); None outside the root."""
        rel = url.toLocalFile() if url.isLocalFile() else url.toString()
        path = Path(rel)
        if not path.is_absolute() and self.page is not None and self.page[0] == "doc":
            path = self.root / Path(self.page[1]).parent / rel
        elif not path.is_absolute():
            path = self.root / rel
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def scroll_to(self, y: float) -> None:
        """Scroll the page so that ``y`` (a point of the laid-out page) is at the top. A page
        just set is laid out only in part when the scroll bar learns its length (later, from
        the event loop): a heading below the pictures was clamped to that length and shown
        about a screen too high. The page is laid out whole and the scroll bar told its length
        first, as Qt's own scrollToAnchor does."""
        bar = self.browser.verticalScrollBar()
        if bar.maximum() < y:
            doc = self.browser.document()
            doc.documentLayout().documentSizeChanged.emit(doc.size())  # the browser's range
        bar.setValue(int(y))

    def scroll_to_heading(self, anchor: str) -> bool:
        """Scroll the page to the heading whose GitHub anchor is ``anchor`` (``#flare-ups``):
        the markdown's headings carry no anchors of their own."""
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading_anchor(block.text()) == anchor.lower():
                self.scroll_to(doc.documentLayout().blockBoundingRect(block).top())
                return True
            block = block.next()
        return self.browser.find(anchor.replace("-", " "))  # something close, else stay


def heading_anchor(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
