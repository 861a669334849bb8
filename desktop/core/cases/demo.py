"""Sample data in a new store (``mediseal demo``): the cases of ``demo_data`` written through ``bulk`` as
the case services would have written them, each at the times its story gives, then a little evidence
taken in through the real intake, so a new user sees a living app at once.

Only an administrator makes it, and only in a store that holds no case yet: the store is then marked as
a demo store (``app_meta``), and a second run is refused like a store with real cases. The cases are
worked by the demo's staff (mediators 李华, 王芳, 赵敏, 陈静 and the notary 周婷), added as users with the
initial password the administrator gives when the store lacks them.

Numbers: each case is numbered in the year it was received (``matters.open_matter`` numbers by the year
a case is opened, and a demo case is opened on the day it was received), serials in the order the
cases are generated, so within a year serials do not follow the day received."""

from __future__ import annotations

import multiprocessing
import os
import struct
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from queue import Empty
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import AppMeta, MediationCase, User, utc_now
from desktop.core.cases import bulk
from desktop.core.cases.bulk import NewArchive, NewAssignment, NewCase, NewMove, NewOutcome, NewParty
from desktop.core.cases.deadlines import OFFICE_TIME_ZONE, office_today
from desktop.core.cases.demo_data import DemoCase, DemoMove, demo_cases
from desktop.core.cases.matters import MatterKind
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.workflow import CaseStatus, is_outcome
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.evidence.intake import ingest_files
from desktop.core.office.courts import add_demo_courts
from desktop.core.office.office import get_office
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import ledger
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.trust.users import add_user

DEMO_META_KEY = "demo_store"
DEFAULT_CASES = 200
DEFAULT_SEED = 1
MAX_CASES = 1_000_000
# From this many cases on, the cases are generated and built in a second process while this one writes
# (building needs no database once bulk.read_snapshot has read what it needs): about a third of the time.
PARALLEL_FROM = 2 * bulk.BATCH_CASES
QUEUED_BATCHES = 3  # built batches waiting to be written, at most (memory)
MEDIATORS = (("lihua", "李华"), ("wangfang", "王芳"), ("zhaomin", "赵敏"), ("chenjing", "陈静"))
NOTARY = ("zhouting", "周婷")
STAFF = (*((login, name, Role.MEDIATOR) for login, name in MEDIATORS), (NOTARY[0], NOTARY[1], Role.NOTARY))
WORKDAY_MINUTES = 8 * 60  # cases are opened between 09:00 and 17:00, office time
ARCHIVE_REASON = "示例数据：卷宗材料未录入"  # the demo writes no papers or minutes: its files are incomplete
ORAL_SETTLEMENT_SHARE = Decimal("0.6")
CONFLICT_DECLARATION = ("本人曾于三年前为申请人的一名工作人员讲授商标法课程，与本案当事人无其他利害关系；"
                        "已告知双方当事人，双方同意由本人主持调解。")


@dataclass(frozen=True, slots=True)
class DemoReport:
    """What ``make_demo`` wrote."""

    cases: int
    first_number: str
    last_number: str
    staff_added: tuple[str, ...]
    evidence_items: int
    numbers: tuple[str, ...] = field(default=(), repr=False)
    notarial_left_out: int = 0  # notarial matters not written: the office has no notarial series


def demo_marker(session: Session) -> str | None:
    """What the demo recorded when it made this store (``cases=N seed=S``), or None for any other store."""
    return session.scalar(select(AppMeta.value).where(AppMeta.key == DEMO_META_KEY))


def check_empty(session: Session) -> None:
    """Refuse a store that holds cases already: real ones, or an earlier demo's."""
    marker = demo_marker(session)
    if marker is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "This store already holds sample data ({made}): make a new data folder for another "
            "demo."), made=marker)
    if session.scalar(select(func.count()).select_from(MediationCase)):
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "This store already holds cases: sample data goes only into a new data folder, never "
            "beside real cases."))


def missing_staff(session: Session) -> list[str]:
    """The demo's staff (login names) the store lacks; refused when a login is taken without its role."""
    missing = []
    for login, _name, role in STAFF:
        user = session.scalar(select(User).where(User.name == login))
        if user is None:
            missing.append(login)
        elif user.disabled or role.value not in {held.role for held in user.roles}:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "The sample data is worked by a user “{name}” with the role {role}, but the "
                "user of that name here is disabled or lacks that role."), name=login, role=role.value)
    return missing


def _at(day: date, minutes: int) -> datetime:
    """``minutes`` after 09:00 on ``day`` in the office's time zone, as UTC."""
    return (datetime.combine(day, time(9, 0), OFFICE_TIME_ZONE) + timedelta(minutes=minutes)).astimezone(UTC)


def plan_case(case: DemoCase, today: date, now: datetime) -> NewCase:
    """One generated case as the calls a mediator (or, for a notarial matter, the notary) would make: open
    it on the day received, add its parties and agents, take it on, and move it on each move's day."""
    minutes = case.sequence * 37 % WORKDAY_MINUTES
    opened = min(_at(case.received, minutes), now)
    # The parties go in as generated: write_cases checks each one as parties.add_party does (once).
    parties = tuple(NewParty(party.role, party.value(), party.service(),
                             tuple(agent.checked(today) for agent in party.agents)) for party in case.parties)
    if case.kind is MatterKind.NOTARIAL:
        return NewCase(case.kind, case.details(today), NOTARY[0], opened, parties)
    lead = MEDIATORS[case.sequence % len(MEDIATORS)][0]
    assignments: tuple[NewAssignment, ...] = ()
    if case.status is not CaseStatus.REGISTERED or case.sequence % 2:  # half the new cases have none yet
        conflict = case.sequence % 53 == 7
        assignments = (NewAssignment(lead, lead, conflict, CONFLICT_DECLARATION if conflict else ""),)
        if case.sequence % 9 == 4:  # a colleague joins (a mediator adds one to a case they are on)
            colleague = MEDIATORS[(case.sequence + 1) % len(MEDIATORS)][0]
            assignments += (NewAssignment(colleague, lead),)
    moves: list[NewMove | NewOutcome | NewArchive] = []
    last = opened
    oral = case.sequence % 4 == 3 and all(move.target is not CaseStatus.CONFIRMATION_APPLIED
                                          for move in case.moves)  # a court confirms a written one
    for move in case.moves:
        last = min(max(_at(move.on, minutes), last + timedelta(minutes=1)), now)
        if move.target is CaseStatus.CLOSED:  # closing is archiving the file
            moves.append(NewArchive(lead, last, ARCHIVE_REASON))
        elif is_outcome(move.source, move.target):
            moves.append(NewOutcome(_outcome(case, move, oral), lead, last))
        else:
            moves.append(NewMove(move.target, lead, last, move.reason))
    return NewCase(case.kind, case.details(today), lead, opened, parties, assignments, tuple(moves))


def _outcome(case: DemoCase, move: DemoMove, oral: bool) -> OutcomeInput:
    """How the mediation ended on ``move.on``: a written agreement every applicant and respondent and the
    mediator signed that day (in effect from it, art. 29), an oral one (art. 28, its content recorded), or
    failure or withdrawal with the move's reason."""
    if move.target is CaseStatus.FAILED:
        return OutcomeInput(OutcomeKind.FAILED, reason=move.reason)
    if move.target is CaseStatus.WITHDRAWN:
        return OutcomeInput(OutcomeKind.WITHDRAWN, reason=move.reason)
    if oral:
        return OutcomeInput(OutcomeKind.ORAL_AGREEMENT, move.on, content=_oral_content(case))
    signings = tuple(Signing(index, move.on) for index, party in enumerate(case.parties)
                     if party.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT))
    return OutcomeInput(OutcomeKind.WRITTEN_AGREEMENT, signings=signings, mediator_signed_on=move.on)


def _oral_content(case: DemoCase) -> str:
    """What an oral agreement says, as the mediator records it."""
    respondent = case.respondents[0].name if case.respondents else "被申请人"
    terms = f"{respondent}立即停止被诉行为"
    if case.amount is not None:
        settled = (case.amount * ORAL_SETTLEMENT_SHARE).quantize(Decimal("1"))
        terms += f"，并于协议达成之日起十五日内一次性支付申请人经济损失及合理开支共计人民币{settled}元"
    return f"经调解，双方当事人自愿达成如下口头协议：{terms}；申请人放弃其他请求。（演示数据）"


@dataclass(slots=True)
class _EvidencePlan:
    """The few cases that get sample evidence: their place in the run, who takes it in, and from whom."""

    wanted_mediation: int
    wanted_notarial: int
    chosen: list[tuple[int, str, str, str, datetime]] = field(default_factory=list)  # index, login, …

    def consider(self, index: int, case: DemoCase, planned: NewCase) -> None:
        if case.kind is MatterKind.NOTARIAL:
            if self.wanted_notarial <= 0:
                return
            self.wanted_notarial -= 1
        else:
            if self.wanted_mediation <= 0 or not planned.mediators or case.status in (
                    CaseStatus.REGISTERED, CaseStatus.NOT_ACCEPTED, CaseStatus.CLOSED):  # closed: archived
                return
            self.wanted_mediation -= 1
        self.chosen.append((index, planned.opened_by, case.parties[0].name, case.title, planned.opened_at))


def _planned(cases: Iterable[DemoCase], today: date, now: datetime, evidence: _EvidencePlan,
             left_out: list[int] | None = None) -> Iterator[NewCase]:
    """The cases as calls; notarial matters are left out (and counted in ``left_out``) when given."""
    for index, case in enumerate(cases):
        if left_out is not None and case.kind is MatterKind.NOTARIAL:
            left_out[0] += 1
            continue
        planned = plan_case(case, today, now)
        evidence.consider(index, case, planned)
        yield planned


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small one-colour PNG (ISO/IEC 15948): signature, IHDR, one IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit truecolour
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def _actor(session: Session, login: str) -> Actor:
    """A member of the demo's staff as services see them: the demo acts for them under the
    administrator's sign-in, as it does for every record it writes."""
    user = session.scalar(select(User).where(User.name == login))
    if user is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "There is no user “{name}”."), name=login)
    return Actor(user.id, user.name, frozenset(Role(held.role) for held in user.roles))


def _take_in_evidence(database: Database, vault: Vault, numbers: list[str], plan: _EvidencePlan,
                      seed: int) -> int:
    """Take a few small generated files into the chosen cases through the real intake."""
    taken = 0
    with tempfile.TemporaryDirectory(prefix="mediseal-demo-") as folder:
        for index, login, applicant, title, opened in plan.chosen:
            number = numbers[index]
            with database.session_scope() as session:
                actor = _actor(session, login)
            case_folder = Path(folder) / str(index)
            case_folder.mkdir()
            text = case_folder / "权利证明材料清单.txt"
            text.write_text(f"{number}\n{title}\n提交人：{applicant}\n（演示数据：人物、单位与号码均为虚构）\n",
                            encoding="utf-8")
            photo = case_folder / "涉案商品照片.png"
            shade = (seed * 31 + index * 17) % 200
            photo.write_bytes(_png(64, 48, (40 + shade // 4, 90 + shade // 3, 60 + shade // 2)))
            acquisition = Acquisition(SourceKind.UPLOAD.value, acquired_at=opened, acquired_by=applicant,
                                      note="演示数据：当事人提交的证据材料")
            report = ingest_files(database, vault, actor, number, [text, photo], acquisition)
            taken += len(report.items)
    return taken


def make_demo(database: Database, vault: Vault, admin: Actor, count: int = DEFAULT_CASES,
              seed: int = DEFAULT_SEED, password: str | None = None, *, now: datetime | None = None,
              progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
              parallel: bool | None = None) -> DemoReport:
    """Write ``count`` sample cases made from ``seed`` into an empty store, as ``admin``; ``password`` is
    the initial password of the demo's staff the store lacks (required then). ``parallel`` builds the
    cases in a second process (default: from ``PARALLEL_FROM`` cases on). One transaction: either
    every case is written or none."""
    require(admin, Action.MANAGE_USERS)
    if not 1 <= count <= MAX_CASES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The number of cases must be from 1 to {limit}."),
                           limit=MAX_CASES)
    moment = now or utc_now()
    today = office_today(moment)
    evidence = _EvidencePlan(min(10, max(1, count // 100)), min(3, max(1, count // 500)))
    with database.session_scope() as session:
        ledger.lock(session)
        check_empty(session)
        added = missing_staff(session)
        if added and password is None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The sample data needs its staff ({names}): give their initial password."),
                field="password", names=", ".join(added))
        for login, name, role in STAFF:
            if login in added:
                assert password is not None
                add_user(session, admin, login, frozenset({role}), password, name)
        session.add(AppMeta(key=DEMO_META_KEY, value=f"cases={count} seed={seed}"))
        add_demo_courts(session, admin, moment)  # Kunming's courts, for the competent-court suggestion
        session.flush()
        office = get_office(session)
        # An office with no notarial series numbers no notarial matter: the demo leaves them out rather
        # than set a series on the office's behalf.
        with_notarial = office is None or office.number_head(MatterKind.NOTARIAL) is not None
        snapshot = bulk.read_snapshot(session)  # under the ledger's lock, taken above
        plan = _Plan(count, seed, today, moment, evidence, with_notarial)
        use_process = (count >= PARALLEL_FROM and (os.cpu_count() or 1) > 1) if parallel is None else parallel
        built, outcome = (_built_elsewhere if use_process else _built_here)(snapshot, plan)
        numbers = bulk.write_built(session, built, total=count, progress=progress, cancelled=cancelled)
        evidence, left_out = outcome()
    items = _take_in_evidence(database, vault, numbers, evidence, seed)
    return DemoReport(len(numbers), numbers[0], numbers[-1], tuple(added), items, tuple(numbers), left_out)


@dataclass(slots=True)
class _Plan:
    """What to generate: the arguments of ``demo_cases`` and how to plan them."""

    count: int
    seed: int
    today: date
    now: datetime
    evidence: _EvidencePlan
    with_notarial: bool
    left_out: int = 0

    def batches(self, snapshot: bulk.Snapshot) -> Iterator[bulk.Prepared]:
        """The cases generated, planned and built, a batch at a time; ``left_out`` counts the notarial
        matters an office without their series does not get."""
        self.left_out = 0
        counter = None if self.with_notarial else [0]
        planned = _planned(demo_cases(self.count, self.seed, self.today), self.today, self.now, self.evidence,
                           counter)
        yield from bulk.build_batches(snapshot, planned)
        self.left_out = counter[0] if counter is not None else 0


Outcome = Callable[[], tuple["_EvidencePlan", int]]


def _built_here(snapshot: bulk.Snapshot, plan: _Plan) -> tuple[Iterator[bulk.Prepared], Outcome]:
    """Build in this process, as the batches are written."""
    return plan.batches(snapshot), lambda: (plan.evidence, plan.left_out)


def _build_in_child(snapshot: bulk.Snapshot, plan: _Plan, queue: Any) -> None:
    """The second process: every batch built, then the plan (which cases get evidence, what was left
    out); an error is sent instead, to be raised in the writer."""
    try:
        for batch in plan.batches(snapshot):
            queue.put(("batch", batch))
        queue.put(("done", (plan.evidence, plan.left_out)))
    except BaseException as error:  # handed to the writer, which raises it
        queue.put(("error", error))


def _built_elsewhere(snapshot: bulk.Snapshot, plan: _Plan) -> tuple[Iterator[bulk.Prepared], Outcome]:
    """Build in a second process (spawned: nothing of this one's database connection is inherited)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue(maxsize=QUEUED_BATCHES)
    child = context.Process(target=_build_in_child, args=(snapshot, plan, queue), daemon=True)
    child.start()
    result: list[tuple[_EvidencePlan, int]] = []

    def batches() -> Iterator[bulk.Prepared]:
        try:
            while True:
                try:
                    kind, value = queue.get(timeout=1)
                except Empty:
                    if not child.is_alive():
                        raise RuntimeError("the process building the sample cases ended early") from None
                    continue
                if kind == "batch":
                    yield value
                elif kind == "done":
                    result.append(value)
                    return
                else:
                    raise value
        finally:
            if child.is_alive() and not result:
                child.terminate()  # the writer stopped (an error, a cancel): so does the builder
            child.join(timeout=30)

    return batches(), lambda: result[0]
