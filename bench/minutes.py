"""A long sitting: 2 000 minutes entries typed one by one, as ratios to a plain INSERT of the same rows.

    python bench/minutes.py [--entries 2000] [--postgres URL]

On SQLite (a fresh data folder under the temp folder) and on PostgreSQL when ``--postgres URL`` or
``MEDISEAL_DATABASE_URL`` is given (an empty database: the store is made in it), times:

- the baseline: a plain ``INSERT`` of each entry row in its own committed transaction (what durability
  at once costs at the least), into a sitting of its own;
- ``minutes.add_entry`` for each entry, one committed transaction each (the CLI's and the window's way),
  with the first and the last hundred timed apart: equal times mean no per-entry work grows with the
  sitting (issue 11: "add_entry must not read the whole record");
- reading them back: every entry at once, and the last hundred only (``after_seq``, the editor's
  incremental load), against a plain ``SELECT`` of the same rows;
- closing the sitting (sealing the 2 000 entries in one canonical record with a signature).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from db.sittings import MinutesEntry
from desktop.config import Settings
from desktop.core.cases import matters, minutes, progress, sittings
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Actor, Role

PASSWORD = "bench-password-1"
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
TEXT = "申请人陈述：被申请人在其网店销售的茶叶包装使用了与我方注册商标近似的标识，要求停止销售并赔偿损失。"


def prepared(folder: Path, url: str | None) -> tuple[OpenStore, Actor, str]:
    """A store with an office, a mediator with a key and a case assigned to them."""
    store = open_store(Settings(data_dir=folder, database_url=url, lang=None))
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调")
        admin = users.create_first_admin(session, "admin", PASSWORD, "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), PASSWORD, "李华")
    mediator = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        number = matters.open_case(session, mediator, "trademark", "某商标侵权纠纷", NOW).number
        progress.assign_mediator(session, admin, number, "lihua", conflict=False)
        signing_keys.new_key(session, mediator, PASSWORD)
    return store, mediator, number


def _sitting(store: OpenStore, actor: Actor, number: str) -> int:
    with store.database.session_scope() as session:
        return sittings.schedule_sitting(session, actor, number, "mediation", NOW, place="调解室", now=NOW).id


def measure(store: OpenStore, actor: Actor, number: str, count: int) -> list[tuple[str, float, float]]:
    """(what, seconds, baseline seconds) for each step."""
    baseline_sitting, sitting = _sitting(store, actor, number), _sitting(store, actor, number)
    started = time.perf_counter()
    for seq in range(1, count + 1):
        with store.database.session_scope() as session:
            session.execute(insert(MinutesEntry).values(
                sitting_id=baseline_sitting, seq=seq, kind="statement", speaker_role="applicant",
                speaker="张丽", text=TEXT, spoken_at=NOW, recorded_by="lihua", recorded_at=NOW, revision=1))
    baseline = time.perf_counter() - started
    times: list[float] = []
    for seq in range(1, count + 1):
        begun = time.perf_counter()
        with store.database.session_scope() as session:
            minutes.add_entry(session, actor, sitting, "applicant", "张丽", f"{TEXT}（{seq}）",
                              now=NOW + timedelta(seconds=seq))
        times.append(time.perf_counter() - begun)
    hundred = min(100, count)
    plain_row = baseline / count
    results = [("add_entry, each committed", sum(times), baseline),
               ("  first hundred, per entry", statistics.median(times[:hundred]), plain_row),
               ("  last hundred, per entry", statistics.median(times[-hundred:]), plain_row)]

    def timed(action: object) -> float:
        begun = time.perf_counter()
        with store.database.session_scope() as session:
            action(session)  # type: ignore[operator]
        return time.perf_counter() - begun

    plain_all = timed(lambda session: list(session.scalars(
        select(MinutesEntry).where(MinutesEntry.sitting_id == sitting).order_by(MinutesEntry.seq))))
    results.append(("read all entries", timed(lambda session: minutes.entries(session, sitting)), plain_all))
    plain_last = timed(lambda session: list(session.scalars(
        select(MinutesEntry).where(MinutesEntry.sitting_id == sitting, MinutesEntry.seq > count - hundred)
        .order_by(MinutesEntry.seq))))
    results.append(("read the last hundred (after_seq)",
                    timed(lambda session: minutes.entries(session, sitting, after_seq=count - hundred)),
                    plain_last))
    with store.database.session_scope() as session:
        key = signing_keys.unlock(session, actor, PASSWORD)
    sealing = timed(lambda session: minutes.close_sitting(session, actor, key, sitting))
    results.append(("close and seal", sealing, plain_all))
    return results


def report(label: str, results: list[tuple[str, float, float]]) -> None:
    print(f"{label}:")
    for what, seconds, baseline in results:
        print(f"  {what:<36} {seconds:9.4f} s   baseline {baseline:9.4f} s   ratio {seconds / baseline:6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--postgres", default=os.environ.get("MEDISEAL_DATABASE_URL"), metavar="URL")
    args = parser.parse_args(argv)
    backends: list[tuple[str, str | None]] = [("SQLite", None)]
    if args.postgres:
        backends.append(("PostgreSQL", args.postgres))
    for label, url in backends:
        with tempfile.TemporaryDirectory(prefix="mediseal-bench-minutes-") as folder:
            store, actor, number = prepared(Path(folder) / "data", url)
            try:
                report(f"{label}, {args.entries} entries", measure(store, actor, number, args.entries))
            finally:
                store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
