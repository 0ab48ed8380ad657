"""A PDF export's progress, page by page: a window-modal dialog with Cancel that keeps the window
responsive while the pages are painted in the window's thread (each step lets it handle its
events). The handouts and the board PDF use it; a Cancel stops the painting before anything is
written (``ui.desktop.pdf.PagesCancelled``), so the file there stays as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog


def page_dialog(window, pages: int, title: str, label: str) -> QProgressDialog:
    """The progress dialog of an export of ``pages`` pages, titled ``title`` (a menu item's
    words), saying ``label`` ("Writing 12 board pages…")."""
    dlg = QProgressDialog(label, "Cancel", 0, pages, window)
    dlg.setWindowTitle(title)
    dlg.setMinimumWidth(380)  # the title bar shows the whole title
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(0)
    dlg.setValue(0)
    return dlg


def page_step(dlg: QProgressDialog, done: int, total: int | None = None, every: int = 1) -> bool:
    """Show ``done`` pages written (of ``total``, when the count changed: weeks away in a row
    share a handout page), on every ``every``-th page; False once the coach pressed Cancel."""
    if total is not None and dlg.maximum() != total:
        dlg.setMaximum(total)
    if done % every == 0:
        dlg.setValue(done)  # a modal progress dialog processes events here
    return not dlg.wasCanceled()
