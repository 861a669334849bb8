"""The kinds of ledger entry (存证日志): one closed vocabulary, with the word a notary reads for each."""

from __future__ import annotations

from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary


class EventKind(Vocabulary):
    """What a ledger entry records. The values are stored in entries and their Merkle leaves: never
    rename one; add a new kind instead."""

    SIGN_IN = "sign_in", QT_TRANSLATE_NOOP("vocabulary", "Signed in")
    SIGN_IN_FAILED = "sign_in.failed", QT_TRANSLATE_NOOP("vocabulary", "Sign-in failed")
    SIGN_IN_REFUSED_LOCKED = "sign_in.refused_locked", QT_TRANSLATE_NOOP(
        "vocabulary", "Sign-in refused (account locked)")
    SIGN_IN_REFUSED_DISABLED = "sign_in.refused_disabled", QT_TRANSLATE_NOOP(
        "vocabulary", "Sign-in refused (account disabled)")
    SIGN_IN_REFUSED_UNRECORDED = "sign_in.refused_unrecorded", QT_TRANSLATE_NOOP(
        "vocabulary", "Sign-in refused (account differs from the ledger)")
    SIGN_OUT = "sign_out", QT_TRANSLATE_NOOP("vocabulary", "Signed out")
    USER_CREATED = "user.created", QT_TRANSLATE_NOOP("vocabulary", "User created")
    USER_DISABLED = "user.disabled", QT_TRANSLATE_NOOP("vocabulary", "User disabled")
    USER_LOCKED = "user.locked", QT_TRANSLATE_NOOP("vocabulary", "User locked after failed sign-ins")
    USER_ROLES_CHANGED = "user.roles_changed", QT_TRANSLATE_NOOP("vocabulary", "Roles changed")
    USER_PASSWORD_CHANGED = "user.password_changed", QT_TRANSLATE_NOOP("vocabulary", "Password changed")
    USER_RENAMED = "user.renamed", QT_TRANSLATE_NOOP("vocabulary", "Real name set")
    USER_ENABLED = "user.enabled", QT_TRANSLATE_NOOP("vocabulary", "User enabled")
    KEY_CREATED = "key.created", QT_TRANSLATE_NOOP("vocabulary", "Signing key created")
    KEY_IMPORTED = "key.imported", QT_TRANSLATE_NOOP("vocabulary", "Signing key imported")
    KEY_REVOKED = "key.revoked", QT_TRANSLATE_NOOP("vocabulary", "Signing key revoked")
    # A case opened before cases were recorded in full was accepted (受理) at once; one opened since is
    # registered (登记) and then moves through the workflow (case.moved).
    CASE_OPENED = "case.opened", QT_TRANSLATE_NOOP("vocabulary", "Case registered")
    CASE_UPDATED = "case.updated", QT_TRANSLATE_NOOP("vocabulary", "Case details changed")
    CASE_MOVED = "case.moved", QT_TRANSLATE_NOOP("vocabulary", "Case status changed")
    CASE_MEDIATOR_ASSIGNED = "case.mediator_assigned", QT_TRANSLATE_NOOP("vocabulary", "Mediator assigned")
    # The case file (卷宗): a scanned paper filed into a part (logged under the item: its custody trail),
    # the cover saved (subject ``file:<number>``), the file archived (归档; same subject).
    CASE_PAPER_FILED = "case.paper_filed", QT_TRANSLATE_NOOP("vocabulary", "Paper filed in the case file")
    CASE_COVER_SAVED = "case.cover_saved", QT_TRANSLATE_NOOP("vocabulary", "Case file cover saved")
    CASE_ARCHIVED = "case.archived", QT_TRANSLATE_NOOP("vocabulary", "Case file archived")
    PARTY_ADDED = "party.added", QT_TRANSLATE_NOOP("vocabulary", "Party added")
    PARTY_EDITED = "party.edited", QT_TRANSLATE_NOOP("vocabulary", "Party changed")
    AGENT_ADDED = "agent.added", QT_TRANSLATE_NOOP("vocabulary", "Agent added")
    AGENT_EDITED = "agent.edited", QT_TRANSLATE_NOOP("vocabulary", "Agent changed")
    EVIDENCE_INGESTED = "evidence.ingested", QT_TRANSLATE_NOOP("vocabulary", "Evidence taken in")
    EVIDENCE_VIEWED = "evidence.viewed", QT_TRANSLATE_NOOP("vocabulary", "Evidence viewed")
    EVIDENCE_COPIED = "evidence.copied", QT_TRANSLATE_NOOP("vocabulary", "Copy of evidence saved")
    EVIDENCE_SEALED = "evidence.sealed", QT_TRANSLATE_NOOP("vocabulary", "Evidence sealed")
    EVIDENCE_EXPORTED = "evidence.exported", QT_TRANSLATE_NOOP("vocabulary", "Evidence exported")
    # An item taken in from another office's package (issue 13), logged under the item's subject with the
    # digest of its origin record (``exchange.importing.origin_record``); the package itself under
    # ``import:<id>``.
    EVIDENCE_IMPORTED = "evidence.imported", QT_TRANSLATE_NOOP("vocabulary",
                                                               "Evidence imported from a package")
    PRESERVATION_SEALED = "preservation.sealed", QT_TRANSLATE_NOOP("vocabulary",
                                                                   "Preservation record sealed")
    # Sittings (调解会 / 调查) and their minutes (调解记录 / 调查记录), issue 11.
    SITTING_SCHEDULED = "sitting.scheduled", QT_TRANSLATE_NOOP("vocabulary", "Sitting scheduled")
    SITTING_EDITED = "sitting.edited", QT_TRANSLATE_NOOP("vocabulary", "Sitting changed")
    SITTING_CANCELLED = "sitting.cancelled", QT_TRANSLATE_NOOP("vocabulary", "Sitting cancelled")
    SITTING_CLOSED = "sitting.closed", QT_TRANSLATE_NOOP("vocabulary", "Sitting closed")
    MINUTES_ENTRY_ADDED = "minutes.entry_added", QT_TRANSLATE_NOOP("vocabulary", "Minutes entry recorded")
    MINUTES_ENTRY_EDITED = "minutes.entry_edited", QT_TRANSLATE_NOOP("vocabulary", "Minutes entry changed")
    MINUTES_SEALED = "minutes.sealed", QT_TRANSLATE_NOOP("vocabulary", "Minutes sealed")
    MINUTES_ADDENDUM_SEALED = "minutes.addendum_sealed", QT_TRANSLATE_NOOP("vocabulary",
                                                                           "Minutes addendum sealed")
    MINUTES_SIGNED = "minutes.signed", QT_TRANSLATE_NOOP("vocabulary", "Signing of minutes recorded")
    # Outcomes, performance and follow-up visits (调解结果、履行、回访), logged under the case's subject.
    OUTCOME_RECORDED = "outcome.recorded", QT_TRANSLATE_NOOP("vocabulary", "Outcome recorded")
    OUTCOME_CORRECTED = "outcome.corrected", QT_TRANSLATE_NOOP("vocabulary", "Outcome corrected")
    OBLIGATION_ADDED = "performance.obligation_added", QT_TRANSLATE_NOOP(
        "vocabulary", "Performance obligation recorded")
    PERFORMANCE_DONE = "performance.done", QT_TRANSLATE_NOOP("vocabulary", "Performance recorded")
    VISIT_RECORDED = "visit.recorded", QT_TRANSLATE_NOOP("vocabulary", "Follow-up visit recorded")
    # The mediation agreement (人民调解协议书, issue 12), sealed by the mediator once the parties signed it on
    # paper, and each supplementary agreement (补充协议); logged under the case's subject with the digest
    # of the sealed record.
    AGREEMENT_FINALISED = "agreement.finalised", QT_TRANSLATE_NOOP("vocabulary", "Mediation agreement sealed")
    AGREEMENT_SUPPLEMENTED = "agreement.supplemented", QT_TRANSLATE_NOOP(
        "vocabulary", "Supplementary agreement sealed")
    # A document printed from a case (issue 12), logged under the case's subject with the digest of its
    # record (kind, case, template and generator versions, the PDF's SHA-256).
    DOCUMENT_GENERATED = "document.generated", QT_TRANSLATE_NOOP("vocabulary", "Document generated")
    # A print of a document (issue 12), under the case's subject, with the digest of the print record (it
    # names the document's PDF digest).
    DOCUMENT_PRINTED = "document.printed", QT_TRANSLATE_NOOP("vocabulary", "Document printed")
    # The office's list of courts (法院名录) and the committee's place, edited by an administrator.
    COURT_ADDED = "court.added", QT_TRANSLATE_NOOP("vocabulary", "Court added to the list")
    COURT_EDITED = "court.edited", QT_TRANSLATE_NOOP("vocabulary", "Court in the list changed")
    COMMITTEE_PLACE_SET = "office.place_set", QT_TRANSLATE_NOOP("vocabulary", "Committee's place set")
    OFFICE_SETTING_CHANGED = "office.setting_changed", QT_TRANSLATE_NOOP("vocabulary",
                                                                         "Office setting changed")
    # Trusted timestamps (RFC 3161, issue 13): the authority set by an administrator (digest of its
    # settings record), a verified token stored beside its checkpoint (the SHA-256 of the token's DER).
    TIMESTAMP_AUTHORITY_SET = "timestamp.authority_set", QT_TRANSLATE_NOOP("vocabulary",
                                                                          "Timestamp authority set")
    TIMESTAMP_STORED = "timestamp.stored", QT_TRANSLATE_NOOP("vocabulary", "Trusted timestamp stored")
    OFFICE_CREATED = "office.created", QT_TRANSLATE_NOOP("vocabulary", "Office recorded")
    OFFICE_UPDATED = "office.updated", QT_TRANSLATE_NOOP("vocabulary", "Office name or prefix changed")
