"""The mediation agreement of a case (人民调解协议书): the draft the mediators edit (versioned: a save
based on an older version is refused, nothing lost), what stops it from being finalised (``problems``) and
what courts would refuse to confirm (``warnings``), its live preview, and finalising it once the parties
have signed on paper: the canonical record (RFC 8785, ``mediseal.agreement`` v1) holding the agreement as
printed, sealed with the mediator's key, logged, and the written-agreement outcome recorded in the same
transaction. Afterwards only a supplementary agreement (补充协议) changes it.

People's Mediation Law (人民调解法, 2010) art. 29: an agreement states the parties' basic facts, the main
facts of the dispute, the disputed matters and each party's responsibility, the content agreed, and the
manner and deadline of performance; it takes effect once the parties have signed (签名、盖章或者按指印),
the mediator has signed and the committee has sealed it; each party and the committee keep a copy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.agreements import AgreementDraftRow, SealedAgreement
from db.models import MediationCase, SigningKey, utc_now
from db.outcomes import CaseOutcome
from desktop.core.cases import outcomes
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import case_subject, details_of, find_case, mediators_of, require_case_access
from desktop.core.cases.outcomes import (
    OutcomeInput,
    OutcomeKind,
    Signing,
    checked_signatures,
    standing_agreement,
)
from desktop.core.cases.parties import PartyRole, list_parties
from desktop.core.cases.versions import check_base
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import fonts
from desktop.core.documents.agreement_clauses import (
    BREACH_DEFAULT,
    MANNER_DEFAULT,
    clause_template,
    clause_templates,
    clause_text,
)
from desktop.core.documents.agreement_content import agreement_content
from desktop.core.documents.agreement_model import (
    BLANK,
    BREACH_MAX,
    CLAUSE_MAX,
    CLAUSES_MAX,
    COPIES_MAX,
    DISPUTED_MAX,
    FACTS_MAX,
    INSTALMENTS_MAX,
    MANNER_MAX,
    PLACE_MAX,
    RESPONSIBILITY_MAX,
    AgreementDraft,
    Clause,
    ClauseKind,
    Instalment,
    Problem,
    draft_from_record,
    draft_record,
    empty_draft,
)
from desktop.core.documents.agreement_pdf import agreement_document
from desktop.core.documents.amounts import check_amount
from desktop.core.documents.layout import Document, render
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.office.office import get_office
from desktop.core.text import clean_text
from desktop.core.trust import ledger, signing_keys
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, Role, require_active
from desktop.core.trust.signing_keys import require_usable_key
from desktop.core.trust.users import real_names

__all__ = [
    "AgreementDraft",
    "Clause",
    "ClauseKind",
    "Instalment",
    "Problem",
    "clause_template",
    "clause_templates",
    "clause_text",
    "draft_from_record",
    "draft_record",
    "draft_template",
    "empty_draft",
    "load_draft",
    "problems",
    "render_draft",
    "save_draft",
    "warnings",
]

# The states a case with a recorded agreement passes through: a written agreement recorded as the outcome
# before it was drafted here is drafted and finalised in any of them (it attaches to that outcome).
AFTER_AGREEMENT = frozenset({CaseStatus.AGREEMENT, CaseStatus.PERFORMING, CaseStatus.PERFORMED,
                             CaseStatus.CONFIRMATION_APPLIED, CaseStatus.CONFIRMED, CaseStatus.REJECTED})
DRAFT_SIZE_MAX = 1_000_000  # bytes of a stored draft: far beyond 100 clauses of 2 000 characters


# --- drafts -------------------------------------------------------------------------------------------

def _draft_rows(session: Session, case_id: int) -> list[AgreementDraftRow]:
    return list(session.scalars(select(AgreementDraftRow).where(AgreementDraftRow.case_id == case_id)
                                .order_by(AgreementDraftRow.seq)))


def _main_agreement(session: Session, case_id: int) -> SealedAgreement | None:
    return session.scalar(select(SealedAgreement).where(SealedAgreement.case_id == case_id,
                                                        SealedAgreement.kind == "agreement"))


def load_draft(session: Session, number: str) -> tuple[AgreementDraft | None, int]:
    """The case's draft as last saved (the agreement's, or after finalising the latest supplementary
    agreement's) and its version; (None, 0) before any save."""
    row = find_case(session, number)
    rows = _draft_rows(session, row.id)
    if not rows:
        return None, 0
    latest = rows[-1]
    return draft_from_record(json.loads(latest.canonical)), latest.version


def draft_finalised(session: Session, number: str) -> int | None:
    """The id of the sealed agreement the case's latest draft became, or None while it is being edited."""
    rows = _draft_rows(session, find_case(session, number).id)
    return rows[-1].agreement_id if rows else None


def draft_template(session: Session, number: str) -> AgreementDraft:
    """A draft to start from: the case's summary as facts, its requests as disputed matters, the clauses
    suggested for its type, the usual manner of payment and breach clause, one copy per party and one for
    the committee. After the agreement is finalised: a supplementary agreement's start."""
    row = find_case(session, number)
    details = details_of(session, row)
    copies = len(list_parties(session, row.number)) + 1
    main = _main_agreement(session, row.id)
    if main is not None:
        other = clause_template(details.case_type, ClauseKind.OTHER)
        return AgreementDraft("", "", "", (other,), "", "", None, "", copies, supplements=main.id)
    disputed = "；".join(details.requests)
    return AgreementDraft(details.summary, f"申请人请求：{disputed}。" if disputed else "", "",
                          tuple(clause_templates(details.case_type)), MANNER_DEFAULT, "", None,
                          BREACH_DEFAULT, max(copies, 3))


def _refuse_frozen(number: str, main: SealedAgreement) -> NotAllowed:
    return NotAllowed(QT_TRANSLATE_NOOP(
        "errors", "The agreement of case {number} was finalised (agreement {id}, in effect from {day}); "
        "it is not changed any more. Write a supplementary agreement (补充协议) for what the parties "
        "agree now."),
        number=number, id=main.id, day=main.effective_on.isoformat())


def save_draft(session: Session, actor: Actor, number: str, draft: AgreementDraft, base_version: int,
               now: datetime | None = None) -> int:
    """Save the case's draft, based on version ``base_version`` (0: none yet); returns the new version.
    ``StaleEdit`` when someone saved meanwhile (nothing is lost: theirs stays, yours is not written). Kept
    as typed (``problems`` says what is still wrong); refused once the agreement is finalised, except as
    a supplementary agreement (``draft.supplements`` naming it)."""
    ledger.lock(session)  # orders saves of two seats, so the version check below holds
    row = find_case(session, number)
    require_case_access(session, actor, row)
    rows = _draft_rows(session, row.id)
    latest = rows[-1] if rows else None
    check_base(latest.version if latest else 0, base_version, f"The agreement draft of case {row.number}")
    main = _main_agreement(session, row.id)
    if draft.supplements is None:
        if main is not None:
            raise _refuse_frozen(row.number, main)
        standing = standing_agreement(session, row)
        written = standing is not None and standing.kind == OutcomeKind.WRITTEN_AGREEMENT.value
        status = CaseStatus(row.status)
        if not (status is CaseStatus.IN_MEDIATION or (status in AFTER_AGREEMENT and written)):
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "An agreement is drafted for a case in mediation; case {number} is “{status}”."),
                number=row.number, status=CaseStatus(row.status).label)
        seq = 0
    else:
        if main is None or main.id != draft.supplements:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "A supplementary agreement supplements the finalised agreement of its case; case "
                "{number} has {main}."), number=row.number,
                main=f"agreement {main.id}" if main is not None else "none yet")
        assert latest is not None  # the finalised agreement's draft
        seq = latest.seq if latest.agreement_id is None else latest.seq + 1
    record = draft_record(draft)
    canonical = canonical_bytes(record).decode("utf-8").replace("\\u0000", "")
    if len(canonical.encode("utf-8")) > DRAFT_SIZE_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The draft is too large to be saved."),
                           field="draft")
    version = (latest.version if latest else 0) + 1
    moment = now or utc_now()
    target = session.get(AgreementDraftRow, (row.id, seq))
    if target is None:
        session.add(AgreementDraftRow(case_id=row.id, seq=seq, version=version, canonical=canonical,
                                      saved_by=actor.name, saved_at=moment))
    else:
        target.version, target.canonical, target.saved_by, target.saved_at = (version, canonical, actor.name,
                                                                              moment)
    session.flush()
    return version


# --- what stops finalising, and what courts would refuse ----------------------------------------------

def _problem(template: str, *, field: str, at: str = "", **values: object) -> Problem:
    """A problem with field ``field`` (a ``Field`` code), in the part ``at`` of the draft
    (``clauses[2]``, ``clauses[2].instalments[1]``; "" for the draft itself)."""
    return Problem(f"{at}.{field}" if at else field, template,
                   tuple((name, str(value)) for name, value in values.items()))


def _from_error(error: InvalidInput, field: str, at: str) -> Problem:
    return _problem(error.template, field=field, at=at,
                    **{name: found for name, found in error.fields.items() if name != "field"})


def _text_problems(value: str, limit: int, required: bool, *, field: str, at: str = "") -> Iterator[Problem]:
    try:
        clean_text(value, field, limit, multiline=True, required=required)
    except InvalidInput as error:
        yield _from_error(error, field, at)
        return
    if BLANK in value:
        yield _problem(QT_TRANSLATE_NOOP("errors", "The field {field} still has a blank (____) to fill in."),
                       field=field, at=at)


def _amount_problems(amount: Decimal, *, at: str, field: str = "amount") -> Iterator[Problem]:
    try:
        checked = check_amount(amount, field)
    except InvalidInput as error:
        yield _from_error(error, field, at)
        return
    if checked == 0:
        yield _problem(QT_TRANSLATE_NOOP("errors", "The {field} is zero; leave it empty if nothing is paid."),
                       field=field, at=at)


_PAST = QT_TRANSLATE_NOOP("errors", "The {field} ({day}) is already past: a term falls due after the "
                          "agreement.")
_AFTER_DEADLINE = QT_TRANSLATE_NOOP("errors", "The {field} ({day}) is after the deadline of performance "
                                    "({deadline}).")


def _day_problems(day: date, first_day: date, deadline: date | None, *, at: str,
                  field: str = "due_on") -> Iterator[Problem]:
    if day < first_day:
        yield _problem(_PAST, field=field, at=at, day=day.isoformat())
    if deadline is not None and day > deadline:
        yield _problem(_AFTER_DEADLINE, field=field, at=at, day=day.isoformat(),
                       deadline=deadline.isoformat())


def _clause_problems(index: int, clause: Clause, deadline: date | None, first_day: date) -> Iterator[Problem]:
    where = f"clauses[{index}]"
    yield from _text_problems(clause.text, CLAUSE_MAX, True, field="text", at=where)
    if clause.amount is not None:
        yield from _amount_problems(clause.amount, at=where)
    if clause.due_on is not None:
        if clause.instalments:
            yield _problem(QT_TRANSLATE_NOOP(
                "errors", "A sum paid in instalments has their due dates, not one date ({field})."),
                field="due_on", at=where)
        yield from _day_problems(clause.due_on, first_day, deadline, at=where)
    if not clause.instalments:
        return
    if clause.amount is None:
        yield _problem(QT_TRANSLATE_NOOP("errors", "Instalments divide the clause's amount; the {field} is "
                                         "missing."), field="amount", at=where)
    if len(clause.instalments) > INSTALMENTS_MAX:
        yield _problem(QT_TRANSLATE_NOOP("errors", "A clause has at most {limit} instalments."),
                       field="instalments", at=where, limit=INSTALMENTS_MAX)
    for number, item in enumerate(clause.instalments, start=1):
        part = f"{where}.instalments[{number}]"
        yield from _amount_problems(item.amount, at=part)
        yield from _day_problems(item.due_on, first_day, deadline, at=part)
    total = sum((item.amount for item in clause.instalments), Decimal(0))
    if clause.amount is not None and total != clause.amount:
        yield _problem(QT_TRANSLATE_NOOP(
            "errors", "The instalments add up to {total} yuan, not the clause's {amount} yuan ({field})."),
            field="instalments", at=where, total=format(total, "f"), amount=format(clause.amount, "f"))
    days = [item.due_on for item in clause.instalments]
    for number, (before, after) in enumerate(pairwise(days), start=2):
        if after <= before:
            yield _problem(QT_TRANSLATE_NOOP(
                "errors", "Instalment {number} falls due on {day}, not after the one before it ({before})."),
                field="due_on", at=f"{where}.instalments[{number}]", number=number, day=after.isoformat(),
                before=before.isoformat())


def _glyph_problems(texts: Iterable[tuple[str, str, str]]) -> Iterator[Problem]:
    """Characters the font lacks, in each (field, part, text)."""
    faces = fonts.document_fonts()
    for field, at, text in texts:
        missing = faces.missing_glyphs(text)
        if missing:
            yield _problem(QT_TRANSLATE_NOOP(
                "errors", "The font has no glyph for {characters} (in {field}); write the common form of the "
                "character, or install a font that has it."), field=field, at=at,
                characters=" ".join(f"“{char}” (U+{ord(char):04X})" for char in missing))


def _texts(draft: AgreementDraft, names: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    yield "facts", "", draft.facts
    yield "disputed", "", draft.disputed
    yield "responsibility", "", draft.responsibility
    for index, clause in enumerate(draft.clauses, start=1):
        yield "text", f"clauses[{index}]", clause.text
    yield "performance_manner", "", draft.performance_manner
    yield "performance_place", "", draft.performance_place
    yield "breach_liability", "", draft.breach_liability
    for name in names:
        yield "parties", "", name


def draft_problems(draft: AgreementDraft, parties: Iterable[tuple[str, PartyRole]], today: date,
                   effective_on: date | None = None) -> list[Problem]:
    """What stops ``draft`` from being finalised, for a case whose parties are (name, role): every
    empty required field named, blanks not filled, amounts that are not money, dates out of order or
    before ``effective_on`` (else ``today``), copies too few, characters the font lacks."""
    found: list[Problem] = []
    supplement = draft.supplements is not None
    named = list(parties)
    roles = {role for _name, role in named}
    if not supplement and not {PartyRole.APPLICANT, PartyRole.RESPONDENT} <= roles:
        found.append(_problem(QT_TRANSLATE_NOOP(
            "errors", "An agreement is between an applicant and a respondent; add the parties to the case "
            "first."), field="parties"))
    # Art. 29: the main facts, the disputed matters and each side's responsibility are stated.
    found += _text_problems(draft.facts, FACTS_MAX, not supplement, field="facts")
    found += _text_problems(draft.disputed, DISPUTED_MAX, not supplement, field="disputed")
    found += _text_problems(draft.responsibility, RESPONSIBILITY_MAX, not supplement, field="responsibility")
    if not draft.clauses:
        found.append(_problem(QT_TRANSLATE_NOOP("errors", "An agreement has at least one clause."),
                              field="clauses"))
    elif len(draft.clauses) > CLAUSES_MAX:
        found.append(_problem(QT_TRANSLATE_NOOP("errors", "An agreement has at most {limit} clauses."),
                              field="clauses", limit=CLAUSES_MAX))
    first_day = effective_on or today
    for index, clause in enumerate(draft.clauses, start=1):
        found += _clause_problems(index, clause, draft.performance_deadline, first_day)
    # Art. 29 (三): the manner and deadline of performance; a deadline wherever something is paid.
    found += _text_problems(draft.performance_manner, MANNER_MAX, not supplement, field="performance_manner")
    found += _text_problems(draft.performance_place, PLACE_MAX, False, field="performance_place")
    payments = any(clause.amount is not None for clause in draft.clauses)
    if draft.performance_deadline is None and payments:
        found.append(_problem(QT_TRANSLATE_NOOP(
            "errors", "The agreement has payments: the deadline of performance is required."),
            field="performance_deadline"))
    elif draft.performance_deadline is not None and draft.performance_deadline < first_day:
        found.append(_problem(_PAST, field="performance_deadline",
                              day=draft.performance_deadline.isoformat()))
    found += _text_problems(draft.breach_liability, BREACH_MAX, False, field="breach_liability")
    # Art. 29: each party and the committee keep a copy.
    least = len(named) + 1
    if not least <= draft.copies <= COPIES_MAX:
        found.append(_problem(QT_TRANSLATE_NOOP(
            "errors", "The agreement is made in at least {least} copies (one for each of the {parties} "
            "parties and one for the committee), at most {most}."), field="copies", least=least,
            parties=len(named), most=COPIES_MAX))
    found += _glyph_problems(_texts(draft, (name for name, _role in named)))
    return found


def problems(session: Session, number: str, draft: AgreementDraft,
             today: date | None = None) -> list[Problem]:
    """What stops ``draft`` from being finalised for case ``number`` (empty if nothing): each ``Problem``
    names its field. ``finalise`` refuses while there is any."""
    row = find_case(session, number)
    parties = [(party.identity.name, party.role) for party in list_parties(session, row.number)]
    return draft_problems(draft, parties, today or office_today(utc_now()))


# SPC interpretation of the Civil Procedure Law (最高人民法院关于适用《中华人民共和国民事诉讼法》的解释,
# 2022) art. 355 para. 1: a court rules not to accept an application for judicial confirmation when
# "（三）申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除的" or "（五）调解协议内容涉及物权、
# 知识产权确权的".
SPC_355 = "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释（2022）第三百五十五条第一款"
_RIGHTS = "(专利|商标|著作权|版权|作品|商业秘密|品种|地理标志|布图设计|知识产权|域名|所有权|权利)"
_OWNERSHIP = re.compile(r"权属|确权|确认.{0,60}(归|属于|所有|享有)|"
                        + _RIGHTS + r".{0,30}(归.{0,30}所有|属于|归属)")
_STATUS = re.compile(r"婚姻|离婚|收养|亲子|身份关系|监护关系")


class AgreementWarning(str):
    """A warning (not a refusal) about a clause: an English message template and its values, as a str
    (the English message) for the list ``warnings`` returns; ``template``/``values`` for translation."""

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, **values: str) -> AgreementWarning:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text


def warnings(draft: AgreementDraft) -> list[str]:
    """Clauses a court would not confirm (司法确认): one that confirms who owns an IP right or a property
    (确权; SPC 2022 interpretation art. 355 para. 1 (5)), or a status matter (marriage, parentage, adoption;
    para. 1 (3)). Warnings, not refusals: the agreement binds the parties all the same (art. 31)."""
    found: list[str] = []
    for index, clause in enumerate(draft.clauses, start=1):
        if _OWNERSHIP.search(clause.text):
            found.append(AgreementWarning(QT_TRANSLATE_NOOP(
                "errors", "Clause {number} confirms who owns a right (确权): a court does not accept such an "
                "agreement for judicial confirmation ({law}, item (5): "
                "调解协议内容涉及物权、知识产权确权的). "
                "The agreement still binds the parties."), number=str(index), law=SPC_355))
        if _STATUS.search(clause.text):
            found.append(AgreementWarning(QT_TRANSLATE_NOOP(
                "errors", "Clause {number} touches a status matter (marriage, parentage, adoption): a court "
                "does not confirm it ({law}, item (3): "
                "申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除的)."),
                number=str(index), law=SPC_355))
    return found


# --- the preview ----------------------------------------------------------------------------------------

def render_draft(session: Session, number: str, draft: AgreementDraft, today: date | None = None) -> bytes:
    """The PDF of ``draft`` as it would print, marked 草稿 (draft) on its first lines and title, for the
    editor's live preview: nothing is recorded. ``InvalidInput`` when the font lacks a character."""
    row = find_case(session, number)
    day = today or office_today(utc_now())
    supplements = _supplements_of(session, row, draft)
    content = agreement_content(session, row, draft, day, supplements)
    return render(agreement_document(content, draft=True))


def _supplements_of(session: Session, row: MediationCase, draft: AgreementDraft) -> dict[str, Any] | None:
    if draft.supplements is None:
        return None
    main = session.get(SealedAgreement, draft.supplements)
    if main is None or main.case_id != row.id or main.kind != "agreement":
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "A supplementary agreement supplements the finalised agreement of its case; case "
            "{number} has {main}."), number=row.number, main=f"no agreement {draft.supplements}")
    return {"id": main.id, "record_sha256": main.record_sha256, "effective_on": main.effective_on.isoformat()}



# --- finalising -----------------------------------------------------------------------------------------

RECORD_TYPE = "mediseal.agreement"
RECORD_VERSION = 1
KINDS = {"agreement": EventKind.AGREEMENT_FINALISED, "supplement": EventKind.AGREEMENT_SUPPLEMENTED}


@dataclass(frozen=True, slots=True)
class AgreementInfo:
    """A finalised agreement or supplementary agreement: its sealed record (the agreement as printed, who
    signed and when, the date of effect), digest and seal; for the agreement, the outcome it stands with
    and the supplementary agreements made since."""

    id: int
    case_number: str
    kind: str  # "agreement" or "supplement"
    supplements: int | None
    outcome_id: int | None
    effective_on: date
    record: dict[str, Any]
    record_sha256: str
    signer: str
    fingerprint: str
    sealed_at: datetime
    signature: bytes
    supplemented_by: tuple[int, ...] = ()

    @property
    def content(self) -> dict[str, Any]:
        """The agreement as printed (``agreement_content``'s shape)."""
        content = self.record.get("agreement")
        return content if isinstance(content, dict) else {}


def _info(row: SealedAgreement, number: str, fingerprint: str, later: tuple[int, ...] = ()) -> AgreementInfo:
    return AgreementInfo(row.id, number, row.kind, row.supplements_id, row.outcome_id, row.effective_on,
                         json.loads(row.canonical), row.record_sha256, row.signer, fingerprint, row.sealed_at,
                         row.signature, later)


def list_agreements(session: Session, number: str) -> list[AgreementInfo]:
    """The case's finalised agreement and its supplementary agreements, in the order sealed."""
    row = find_case(session, number)
    found = list(session.execute(select(SealedAgreement, SigningKey.fingerprint)
                                 .join(SigningKey, SigningKey.id == SealedAgreement.key_id)
                                 .where(SealedAgreement.case_id == row.id).order_by(SealedAgreement.id)))
    later: dict[int, list[int]] = {}
    for sealed, _fingerprint in found:
        if sealed.supplements_id is not None:
            later.setdefault(sealed.supplements_id, []).append(sealed.id)
    return [_info(sealed, row.number, fingerprint, tuple(later.get(sealed.id, ())))
            for sealed, fingerprint in found]


def current_agreement(session: Session, number: str) -> AgreementInfo | None:
    """The case's finalised agreement (with the ids of its supplementary agreements), or None."""
    return next((found for found in list_agreements(session, number) if found.kind == "agreement"), None)


def _finaliser(session: Session, actor: Actor, row: MediationCase) -> str:
    """The mediator who signs: the actor when assigned to the case; for an administrator finalising on
    a mediator's behalf, the case's first mediator. Anyone else is refused."""
    assigned = mediators_of(session, row.id)
    if actor.name in assigned:
        return actor.name
    if Role.ADMIN in actor.roles and assigned:
        return assigned[0]
    raise NotAllowed(QT_TRANSLATE_NOOP(
        "errors", "{user} may not finalise the agreement of case {number}: that is for a mediator assigned "
        "to it ({mediators})."), user=actor.name, number=row.number, mediators="、".join(assigned) or "—")


def _refuse_problems(found: list[Problem]) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "The agreement cannot be finalised yet; put these right first: {problems}"),
        field="draft", problems="; ".join(f"{problem.field}: {problem.message}" for problem in found))


def _signed_of_outcome(outcome: CaseOutcome) -> list[dict[str, Any]]:
    signed = json.loads(outcome.canonical).get("signed", [])
    return signed if isinstance(signed, list) else []


def _attach(session: Session, row: MediationCase, outcome: CaseOutcome, signings: Sequence[Signing],
            effective_on: date | None) -> list[dict[str, Any]]:
    """The signatures of the written-agreement outcome already recorded, when the finalising says the same
    (the same parties on the same days, the same date of effect); else ``NotAllowed`` naming what differs."""
    if session.scalar(select(SealedAgreement.id).where(SealedAgreement.outcome_id == outcome.id)) is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "The agreement of case {number} is already finalised."),
                         number=row.number)
    signed = _signed_of_outcome(outcome)
    recorded = sorted((entry.get("party"), entry.get("signed_on")) for entry in signed
                      if entry.get("party") is not None)
    given = sorted((signing.party_id, signing.signed_on.isoformat()) for signing in signings)
    other_day = effective_on is not None and effective_on != outcome.effective_on
    if (signings and given != recorded) or other_day:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The outcome of case {number} already records a written agreement signed {recorded}, "
            "in effect from {day}; the finalising says otherwise ({given}). Give the same signatures and "
            "date, or correct the outcome first."), number=row.number, day=str(outcome.effective_on),
            recorded=", ".join(f"{party} on {day}" for party, day in recorded),
            given=", ".join(f"{party} on {day}" for party, day in given) or str(effective_on))
    return signed


def finalise(session: Session, actor: Actor, number: str, password: str, signings: Sequence[Signing],
             effective_on: date | None, now: datetime | None = None, *,
             mediator_signed_on: date | None = None) -> AgreementInfo:
    """Finalise the case's latest draft: the parties signed it on paper (``signings``: each party and the
    day) and it took effect on ``effective_on`` (default: the last signature). Seals the canonical record
    (RFC 8785, ``mediseal.agreement`` v1) holding the agreement as printed with the mediator's key
    (unlocked by ``password``), logs it (``agreement.finalised``, or ``agreement.supplemented`` for a
    supplementary agreement), freezes the draft, and for the agreement records the written-agreement
    outcome in the same transaction, so the case moves to 达成协议 and the 30 days for judicial
    confirmation run from the date of effect (Civil Procedure Law 2023 art. 205). When that outcome is
    already recorded, the agreement attaches to it (the same signatures and date). Refused, with nothing
    written, while ``problems`` finds anything, for anyone but an assigned mediator (or an administrator),
    and for a case neither in mediation nor with that outcome."""
    ledger.lock(session)
    row = find_case(session, number)
    require_case_access(session, actor, row)
    require_active(actor)
    mediator = _finaliser(session, actor, row)
    rows = _draft_rows(session, row.id)
    if not rows or rows[-1].agreement_id is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no agreement draft to finalise; write and save one first."),
            number=row.number)
    draft_row = rows[-1]
    draft = draft_from_record(json.loads(draft_row.canonical))
    moment = now or utc_now()
    today = office_today(moment)
    main = _main_agreement(session, row.id)
    if draft.supplements is None and main is not None:
        raise _refuse_frozen(row.number, main)
    last = max((signing.signed_on for signing in signings), default=None)
    effective = effective_on or last or today
    parties = [(party.identity.name, party.role) for party in list_parties(session, row.number)]
    found = draft_problems(draft, parties, today, effective)
    if found:
        raise _refuse_problems(found)
    key = signing_keys.unlock(session, actor, password, moment)
    require_usable_key(session, actor, key, moment)
    outcome_ref: dict[str, Any] | None = None
    outcome_id: int | None = None
    if draft.supplements is None:
        status = CaseStatus(row.status)
        standing = standing_agreement(session, row)
        if status is CaseStatus.IN_MEDIATION:
            recorded = outcomes.record_outcome(session, actor, row.number, OutcomeInput(
                OutcomeKind.WRITTEN_AGREEMENT, effective_on, tuple(signings), mediator=mediator,
                mediator_signed_on=mediator_signed_on or last), now=moment)
            outcome = session.get(CaseOutcome, recorded.id)
            assert outcome is not None
        elif status in AFTER_AGREEMENT and standing is not None \
                and standing.kind == OutcomeKind.WRITTEN_AGREEMENT.value:
            outcome = standing
        else:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "An agreement is finalised for a case in mediation (or one whose written agreement "
                "is recorded as its outcome); case {number} is “{status}”."),
                number=row.number, status=status.label)
        signed = _signed_of_outcome(outcome) if outcome is not standing else _attach(
            session, row, outcome, signings, effective_on)
        assert outcome.effective_on is not None
        effective = outcome.effective_on
        outcome_ref, outcome_id = {"id": outcome.id, "record_sha256": outcome.record_sha256}, outcome.id
        kind = "agreement"
    else:
        signed = checked_signatures(
            row.number, {party.id: (party.identity.name, party.role.value)
                         for party in list_parties(session, row.number)},
            mediators_of(session, row.id), mediator,
            lambda login: real_names(session, (login,)).get(login) or login,
            OutcomeInput(OutcomeKind.WRITTEN_AGREEMENT, effective_on, tuple(signings), mediator=mediator,
                         mediator_signed_on=mediator_signed_on or last), today)
        last_signed = max(date.fromisoformat(entry["signed_on"]) for entry in signed)
        if effective < last_signed or effective > today:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The supplementary agreement takes effect between its last signature ({last}) and "
                "today; not on {given}."), field="effective_on", last=last_signed.isoformat(),
                given=effective.isoformat())
        kind = "supplement"
    supplements = _supplements_of(session, row, draft)
    # Nothing in it may fall due before it takes effect (the problems are checked again from that day).
    found = draft_problems(draft, parties, today, effective)
    if found:
        raise _refuse_problems(found)
    office = get_office(session)
    record_id = int(session.scalar(select(func.max(SealedAgreement.id))) or 0) + 1
    record = {
        "type": RECORD_TYPE, "version": RECORD_VERSION, "id": record_id, "kind": kind,
        "office": office.name if office else "", "case": row.number,
        "agreement": agreement_content(session, row, draft, effective, supplements),
        "signed": signed, "effective_on": effective.isoformat(), "outcome": outcome_ref,
        "sealed_by": actor.name, "certificate_sha256": key.fingerprint, "sealed_at": format_time(moment)}
    canonical = canonical_bytes(record)
    digest = hashlib.sha256(canonical).hexdigest()
    sealed = SealedAgreement(id=record_id, case_id=row.id, kind=kind, supplements_id=draft.supplements,
                             outcome_id=outcome_id, effective_on=effective,
                             canonical=canonical.decode("utf-8"), record_sha256=digest, key_id=key.key_id,
                             signer=actor.name, sealed_at=moment,
                             signature=key.sign(canonical))
    session.add(sealed)
    session.flush()
    draft_row.agreement_id = sealed.id  # the draft is frozen from now on (a trigger refuses changes)
    session.flush()
    ledger.append(session, actor.name, KINDS[kind], case_subject(row.number), digest, now=moment)
    return _info(sealed, row.number, key.fingerprint)


def agreement_pdf(info: AgreementInfo) -> bytes:
    """The PDF of a finalised agreement, drawn from its sealed record: exactly what was sealed."""
    return render(agreement_document(info.content, effective_on=info.effective_on))


def supplement(session: Session, actor: Actor, number: str, draft: AgreementDraft, base_version: int,
               now: datetime | None = None) -> int:
    """Save ``draft`` as the draft of a supplementary agreement (补充协议) to the case's finalised
    agreement (its ``supplements`` set to that agreement); finalised with ``finalise`` as the agreement
    was. Refused before the agreement is finalised."""
    main = _main_agreement(session, find_case(session, number).id)
    if main is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no finalised agreement yet: a supplementary agreement comes after "
            "it."), number=number)
    return save_draft(session, actor, number, replace(draft, supplements=main.id), base_version, now)


# --- the documents ``agreement`` and ``supplementary-agreement`` (generation.py) ----------------------

def _not_finalised(number: str) -> NotAllowed:
    return NotAllowed(QT_TRANSLATE_NOOP(
        "errors", "The agreement of case {number} is not finalised yet; preview the draft in the agreement "
        "editor (or “mediseal agreement check”), and finalise it once the parties have signed."),
        number=number)


def agreement_document_of(session: Session, row: MediationCase) -> Document:
    """The document ``agreement``: the finalised agreement as sealed; refused before it is finalised."""
    info = current_agreement(session, row.number)
    if info is None:
        raise _not_finalised(row.number)
    return agreement_document(info.content, effective_on=info.effective_on)


def supplement_document_of(session: Session, row: MediationCase, items: tuple[int, ...]) -> Document:
    """The document ``supplementary-agreement``: the supplementary agreement whose id is given in
    ``items`` (one), else the latest, as sealed; refused when there is none."""
    found = [info for info in list_agreements(session, row.number) if info.kind == "supplement"]
    if items:
        found = [info for info in found if info.id in items]
    if not found:
        raise NotFound(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no finalised supplementary agreement{which}."), number=row.number,
            which=f" {', '.join(str(item) for item in items)}" if items else "")
    return agreement_document(found[-1].content, effective_on=found[-1].effective_on)
