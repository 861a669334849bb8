"""``mediseal demo``: fictitious sample cases in a new store, so a new user sees a living app at once."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    acting_user,
    add_command,
    add_user_option,
    new_password,
    one_line,
    opened_store,
)


def _count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


# As desktop.core.cases.demo has them (a test keeps them equal): building the parser loads no SQLAlchemy.
DEFAULT_CASES = 200
DEFAULT_SEED = 1
STAFF = ("mediators 李华 (lihua), 王芳 (wangfang), 赵敏 (zhaomin), 陈静 (chenjing) and the notary 周婷 "
         "(zhouting)")


def register(commands: Any) -> None:
    demo = add_command(
        commands, "demo",
        "write fictitious sample cases into a new store (parties, agents, mediators, moves, deadlines, "
        "some evidence); refused when the store holds any case", cmd_demo)
    demo.description = (
        "Write fictitious, deterministic sample data into a store that holds no case yet: mediation cases "
        "and notarial matters over the last three years with their parties, agents, mediators, moves, "
        "deadlines due soon and a little evidence, written as the case services write them (mediseal "
        "verify finds nothing). An administrator runs it; the cases are worked by the demo's staff, "
        f"{STAFF}, added when missing with the initial password from MEDISEAL_NEW_PASSWORD (else asked "
        "twice). The store is marked as a demo store; a second run is refused like a store with real "
        "cases. The same --seed on the same day gives the same cases.")
    demo.add_argument("--cases", type=_count, default=DEFAULT_CASES, metavar="N",
                      help=f"how many cases (default {DEFAULT_CASES})")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                      help=f"the seed of the generator (default {DEFAULT_SEED})")
    add_user_option(demo, "the administrator acting")


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.core.cases import demo

    with opened_store(args) as store:
        admin, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            demo.check_empty(session)
            missing = demo.missing_staff(session)
        password = new_password(args) if missing else None
        started = time.perf_counter()
        shown = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if sys.stderr.isatty() and (now - shown[0] >= 0.5 or done == total):
                shown[0] = now
                print(f"\r{done}/{total} cases", end="" if done < total else "\n", file=sys.stderr)

        report = demo.make_demo(store.database, store.vault, admin, args.cases, args.seed, password,
                                progress=progress)
    seconds = time.perf_counter() - started
    if report.staff_added:
        print(f"Added the demo's staff: {', '.join(report.staff_added)} (initial password as given)")
    if report.notarial_left_out:
        print(f"Left out {report.notarial_left_out} notarial matters: the office has no notarial number "
              "series (set one with `mediseal office set --notarial-prefix …`)", file=sys.stderr)
    print(f"Wrote {report.cases} sample cases in {seconds:.1f} s, {one_line(report.first_number)} … "
          f"{one_line(report.last_number)}, and {report.evidence_items} evidence items")
    return EXIT_OK
