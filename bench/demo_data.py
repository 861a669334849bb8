"""Generation of ``mediseal demo``'s sample cases (no database), as a ratio to drawing random numbers.

    python bench/demo_data.py [--cases 100000] [--seed 2026] [--runs 3]

Times ``demo_data.demo_cases`` streaming N cases (each with its parties, agents, move path and deadlines)
that are counted and dropped, against a baseline measured in the same run: N tuples of three
``random.Random.random()`` floats. Runs alternate; medians are compared. The CPU column is this process's
user + system time, which other load on the machine does not move. Goal (issue 10): 100 000 cases made in
under two minutes in all, of which generation should take well under 20 s; memory stays flat (streamed).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date

from desktop.core.cases.demo_data import demo_cases

GOAL_SECONDS = 20.0


def peak_rss_bytes() -> int | None:
    """The process's peak resident set size, where the platform reports it."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB on Linux


def baseline(count: int, seed: int) -> tuple[float, float]:
    """Wall and CPU seconds to draw ``count`` tuples of three random floats."""
    started, cpu = time.perf_counter(), time.process_time()
    draw = random.Random(seed).random
    for _ in range(count):
        (draw(), draw(), draw())
    return time.perf_counter() - started, time.process_time() - cpu


def generate(count: int, seed: int, today: date) -> tuple[float, float, dict[str, int]]:
    """Wall and CPU seconds to stream ``count`` demo cases, and what they held."""
    totals = {"parties": 0, "agents": 0, "moves": 0, "foreign-related": 0, "with deadline": 0}
    started, cpu = time.perf_counter(), time.process_time()
    for case in demo_cases(count, seed, today):
        totals["parties"] += len(case.parties)
        totals["agents"] += sum(len(party.agents) for party in case.parties)
        totals["moves"] += len(case.moves)
        totals["foreign-related"] += case.foreign_related
        totals["with deadline"] += bool(case.deadlines)
    return time.perf_counter() - started, time.process_time() - cpu, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases to generate (default 100 000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3, help="runs of each, alternating (default 3)")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 3, 15),
                        help="the office's day the cases lead up to (default 2026-03-15)")
    arguments = parser.parse_args()
    count = arguments.cases
    if count < 1 or arguments.runs < 1:
        parser.error("--cases and --runs must be at least 1")

    base_wall: list[float] = []
    base_cpu: list[float] = []
    wall: list[float] = []
    cpu: list[float] = []
    rss_before = peak_rss_bytes()
    totals: dict[str, int] = {}
    for _ in range(arguments.runs):
        seconds, cpu_seconds = baseline(count, arguments.seed)
        base_wall.append(seconds)
        base_cpu.append(cpu_seconds)
        seconds, cpu_seconds, totals = generate(count, arguments.seed, arguments.today)
        wall.append(seconds)
        cpu.append(cpu_seconds)
    rss_after = peak_rss_bytes()

    base, ours = statistics.median(base_wall), statistics.median(wall)
    base_c, ours_c = statistics.median(base_cpu), statistics.median(cpu)
    print(f"cases:       {count:,} (seed {arguments.seed}, up to {arguments.today}), "
          f"{arguments.runs} run(s), medians")
    print(f"held:        {totals['parties'] / count:.2f} parties, {totals['agents'] / count:.2f} agents, "
          f"{totals['moves'] / count:.2f} moves a case; {totals['foreign-related']:,} foreign-related, "
          f"{totals['with deadline']:,} with an open deadline")
    print(f"baseline:    {base:8.3f} s wall {base_c:8.3f} s CPU  ({count:,} x 3 random.Random().random())")
    print(f"demo_cases:  {ours:8.3f} s wall {ours_c:8.3f} s CPU  = {ours / base:6.1f}x baseline wall, "
          f"{ours_c / base_c:6.1f}x CPU; {ours / count * 1e6:.1f} µs a case")
    if rss_before is not None and rss_after is not None:
        grown = (rss_after - rss_before) / 2**20
        print(f"peak memory: grew {grown:.1f} MiB while streaming (cases not kept)")
    verdict = "met" if ours < GOAL_SECONDS else "NOT met"
    print(f"goal:        under {GOAL_SECONDS:.0f} s for {count:,} cases: {verdict}"
          + (f" (scaled to 100 000: {ours / count * 100_000:.1f} s)" if count != 100_000 else ""))


if __name__ == "__main__":
    main()
