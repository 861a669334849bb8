"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread allocates past its threshold, an op's worker thread
too, and may there free a reference cycle that holds Qt objects (a closed dialog, a finished op); Qt
allows that only on the thread that owns them, and the process crashes. As Anki and pyqtgraph do,
automatic collection is turned off and a timer on the GUI thread collects instead, by the same rules as
the automatic collector, including its rule for full collections: a full collection walks every object,
so it waits until the objects that survived into the oldest generation since the last one are a quarter
of those it left (CPython's gcmodule.c, ``long_lived_pending < long_lived_total / 4``). Without that rule
a full collection ran every few seconds and, on a large heap, froze the window for a second each time.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects the generations that are due, every ``INTERVAL_MS``."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("guiThreadCollector")
        gc.disable()
        self.long_lived_total = 0  # objects in the oldest generation after the last full collection
        self.long_lived_pending = 0  # objects moved into it by collections of generation 1 since then
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """One round, as the automatic collector would have done it; the number of objects freed."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        if counts[2] > thresholds[2] and self.long_lived_pending >= self.long_lived_total // 4:
            freed = gc.collect(2)
            self.long_lived_total = len(gc.get_objects(generation=2))
            self.long_lived_pending = 0
            return freed
        if counts[1] > thresholds[1]:
            young = len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))
            freed = gc.collect(1)
            self.long_lived_pending += max(0, young - freed)
            return freed
        if counts[0] > thresholds[0]:
            return gc.collect(0)
        return 0


def install_collector(app: QCoreApplication) -> GuiThreadCollector:
    """The app's collector, made at the first call."""
    found = app.findChild(GuiThreadCollector, "guiThreadCollector")
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)


def freeze_startup_objects() -> None:
    """Collect once, then leave the objects made so far (modules, classes, the window) out of every later
    collection (``gc.freeze``): they live as long as the app, and walking them is most of a full one."""
    gc.collect()
    gc.freeze()
