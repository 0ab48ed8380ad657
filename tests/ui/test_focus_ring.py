"""The keyboard's control shows a 2-pixel high-contrast ring (review 233: a 1-pixel light blue
edge on buttons and combos, nothing at all on the Export weeks dialog's radio buttons)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QRadioButton

from ui.desktop.focusring import WIDTH, ring_colour, ring_of
from ui.desktop.mainwindow import MainWindow, load_demo_season


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_control_the_keyboard_reaches_shows_a_thick_ring_sizes_kept(qtbot):
    from ui.desktop.exportweeks import WorkbookWeeksDialog

    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    dlg = WorkbookWeeksDialog(w.season, w)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    radios = dlg.findChildren(QRadioButton)
    ok = dlg.findChild(QDialogButtonBox).buttons()[0]
    sizes = [c.size() for c in (*radios, ok)]
    shown = []
    for control in (*radios, ok):
        control.setFocus()
        qtbot.waitUntil(lambda c=control: QApplication.focusWidget() is c, timeout=2000)
        QApplication.processEvents()
        ring = ring_of(control)
        assert ring is not None and ring.geometry() == control.rect()
        shown.append(ring)
        assert sum(r.isVisible() for r in shown) == 1  # the one with the keyboard only
        image = control.grab().toImage()  # the ring drawn on the control's edge, 2 px deep
        for x, y in ((control.width() // 2, 0), (control.width() // 2, 1), (0, control.height() // 2),
                     (control.width() - WIDTH, control.height() // 2)):
            assert QColor(image.pixel(x, y)) == ring_colour(), (control.text(), x, y)
    assert [c.size() for c in (*radios, ok)] == sizes  # nothing grew or shrank
    base = QApplication.palette().color(QApplication.palette().ColorRole.Window)
    assert _contrast(ring_colour(), base) >= 4.5
    assert WIDTH >= 2


def test_the_board_keeps_its_own_frame(qtbot):
    w = MainWindow(load_demo_season(), None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.board.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.board, timeout=2000)
    assert ring_of(w.board) is None
