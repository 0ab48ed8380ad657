"""Garbage holding Qt objects is collected in the GUI thread only (ui/desktop/gcguard.py): a
QObject destroyed in a worker thread while the GUI thread holds the interpreter lock deadlocks."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from ui.desktop import gcguard


class _Cycle:
    """A Qt object only the cyclic collector can free."""

    def __init__(self):
        self.qobject = QObject()
        self.me = self


def test_a_worker_thread_never_collects_the_guis_garbage(qapp):
    collector = gcguard.install()
    assert collector is gcguard.install()  # once per application
    assert not gc.isenabled()
    held = _Cycle()
    ref = weakref.ref(held)
    del held

    def allocate() -> None:  # far past every threshold: Python would collect here
        junk = []
        for _ in range(200_000):
            a: list = []
            a.append(a)
            junk.append(a)
        del junk

    t = threading.Thread(target=allocate)
    t.start()
    t.join()
    assert ref() is not None  # not collected in the worker
    assert collector.check() is not None  # the GUI thread's timer collects
    assert ref() is None


def test_the_main_window_switches_collection_to_the_gui_thread(qtbot):
    from ui.desktop.mainwindow import MainWindow

    w = MainWindow(autosave=False)
    qtbot.addWidget(w)
    collector = gcguard.install()
    assert not gc.isenabled() and collector.timer.isActive()
    assert collector.timer.interval() == gcguard.INTERVAL_MS
