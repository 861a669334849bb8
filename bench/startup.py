"""Cold start to first shown main window, as a ratio to an empty QMainWindow started in the same run.

    python bench/startup.py [--runs N]

Each sample is a new process (interpreter start included), timed from just before it is spawned to
the first turn of the event loop after the window is shown; also to the moment the store is open
and the window is ready for work. Runs of the two alternate; medians are
compared. Goal (issue 3): ratio <= 2.0 and Mediseal under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, lambda: (print("shown", time.time(), flush=True), app.quit()))
app.exec()
"""

MEDISEAL = """
import sys, time
from desktop import cli
from desktop.ui import main_window

shown, attach = main_window.MainWindow.showEvent, main_window.MainWindow.attach

def show_event(self, event):
    shown(self, event)
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, lambda: print("shown", time.time(), flush=True))

def attached(self, store, office_name):
    attach(self, store, office_name)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    QTimer.singleShot(0, lambda: (print("ready", time.time(), flush=True), QApplication.quit()))

main_window.MainWindow.showEvent = show_event
main_window.MainWindow.attach = attached
sys.exit(cli.run(["--data-dir", sys.argv[1]]))
"""


def sample(code: str, *args: str) -> dict[str, float]:
    """Seconds from spawn to each marker the child prints (``shown``, and ``ready`` for Mediseal)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"sample failed ({done.returncode}): {done.stderr}")
    marks = (line.split() for line in done.stdout.splitlines() if line.startswith(("shown", "ready")))
    return {name: float(value) - started for name, value in marks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        subprocess.run([sys.executable, "-m", "desktop", "init", "--data-dir", str(data_dir),
                        "--office", "基准测试调解中心", "--admin", "admin"], check=True,
                       capture_output=True, env={**os.environ, "MEDISEAL_NEW_PASSWORD": "bench-password"})
        sample(BASELINE)  # warm the page cache for both, so neither pays for first disk reads
        sample(MEDISEAL, str(data_dir))
        baseline, ours = [], []
        for _ in range(runs):
            baseline.append(sample(BASELINE))
            ours.append(sample(MEDISEAL, str(data_dir)))
    base = statistics.median(run["shown"] for run in baseline)
    mine = statistics.median(run["shown"] for run in ours)
    ready = statistics.median(run["ready"] for run in ours)
    print(f"empty QMainWindow shown:   median {base:.3f} s over {runs} runs")
    print(f"Mediseal window shown:     median {mine:.3f} s")
    print(f"Mediseal ready for work:   median {ready:.3f} s (store opened off the GUI thread)")
    print(f"ratio shown: {mine / base:.2f}x (goal <= 2.0x, and under 1.5 s)")
    print(f"ratio ready: {ready / base:.2f}x")


if __name__ == "__main__":
    main()
