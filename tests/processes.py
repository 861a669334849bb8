"""Killing a child process mid-work, as a power cut would: no clean-up of any kind runs."""

from __future__ import annotations

import signal
import subprocess
import time


def kill_after_start(command: list[str], delay: float, started: str = "reading") -> None:
    """Run ``command``; once its first line says ``started``, let it work ``delay`` seconds more, then
    kill it with SIGKILL and reap it."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith(started), child.stderr.read() if child.stderr else first
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
