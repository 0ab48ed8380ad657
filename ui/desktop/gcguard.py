"""Python's garbage collector runs in the GUI thread only.

The app does Python work in other threads (the solver's job thread builds a model of tens of
thousands of objects). Left to itself, the cyclic garbage collector runs in whichever thread
allocates past its threshold, and garbage can hold Qt objects: a context menu or a dialog that
was closed. Destroying a QObject outside the GUI thread while the GUI thread holds the
interpreter lock deadlocks: the destructor holds a Qt lock and waits for the interpreter lock,
the GUI thread holds the interpreter lock and waits for the Qt lock. Seen in the tests as a
window that never finished building (``gdb``: ``QObject::~QObject`` in a worker thread under
``subtype_dealloc``, the GUI thread in ``QBasicMutex::lockInternal``).

So, as PyQt/PySide applications do: automatic collection is switched off and a timer in the
GUI thread collects when the counts pass the collector's own thresholds (:func:`install`, once
per application).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100  # how often the GUI thread looks at the counts: at 500 ms a solve's model
# build left 20-40 ms of young objects to each collection, a pause the window showed


class GuiThreadCollector(QObject):
    """Collects garbage in the GUI thread, generation by generation as Python would."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int | None:
        """Collect the generations whose counts passed their thresholds; the generation
        collected (None: nothing to do)."""
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 <= t0:
            return None
        gen = 2 if c1 > t1 and c2 > t2 else 1 if c1 > t1 else 0
        gc.collect(gen)
        return gen


def install() -> GuiThreadCollector | None:
    """Switch the collector to the GUI thread for the running application (once; None without
    an application)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)


__all__ = ["GuiThreadCollector", "install"]
