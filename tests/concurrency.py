"""Running a piece of work on several threads at once, as several seats or workers would."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any


def run_concurrently(work: Callable[[Any], Any], arguments: Sequence[Any]) -> list[Any]:
    """Call ``work(argument)`` on one thread per argument, all started together; return the results in
    argument order, and fail with every error any thread raised."""
    results: list[Any] = [None] * len(arguments)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            results[index] = work(arguments[index])
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(arguments))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results
