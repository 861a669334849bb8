"""The closed vocabularies of verification: what a finding is (its code) and how much it weighs.

The codes are a contract: ``mediseal verify --json`` prints them and saved reports keep them, so a code
is never renamed; a new kind of finding gets a new code.
"""

from __future__ import annotations

from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary


class Severity(Vocabulary):
    """An ``error`` means something does not match what was recorded (the store is not clean); a
    ``notice`` is a fact worth knowing that breaks nothing."""

    ERROR = "error", QT_TRANSLATE_NOOP("vocabulary", "Error")
    NOTICE = "notice", QT_TRANSLATE_NOOP("vocabulary", "Notice")


class FindingCode(Vocabulary):
    """What a finding says, one code per kind of mismatch; the label is the words a notary reads."""

    # The ledger and its tree (RFC 9162).
    ENTRIES_REMOVED = "entries-removed", QT_TRANSLATE_NOOP(
        "vocabulary", "Entries were removed from the end of the ledger")
    ENTRIES_MISSING = "entries-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "The ledger holds fewer entries than it numbers")
    ENTRY_MISSING = "entry-missing", QT_TRANSLATE_NOOP("vocabulary", "A ledger entry is missing")
    ENTRY_CHANGED = "entry-changed", QT_TRANSLATE_NOOP("vocabulary", "A ledger entry was changed")
    NODE_CHANGED = "node-changed", QT_TRANSLATE_NOOP("vocabulary", "A node of the ledger's tree was changed")
    NODE_MISSING = "node-missing", QT_TRANSLATE_NOOP("vocabulary", "A node of the ledger's tree is missing")
    NODE_BEYOND_LEDGER = "node-beyond-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "The ledger's tree holds nodes beyond its last entry (entries were cut off)")
    # Checkpoints (signed tree heads).
    CHECKPOINT_ROOT = "checkpoint-root", QT_TRANSLATE_NOOP("vocabulary",
                                                           "A checkpoint does not match the ledger")
    CHECKPOINT_BEYOND_LEDGER = "checkpoint-beyond-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A checkpoint covers more entries than the ledger has")
    CHECKPOINT_MISSING = "checkpoint-missing", QT_TRANSLATE_NOOP("vocabulary", "A checkpoint was removed")
    CHECKPOINT_KEY_UNKNOWN = "checkpoint-key-unknown", QT_TRANSLATE_NOOP(
        "vocabulary", "A checkpoint's signing key is not known here")
    CHECKPOINT_SIGNATURE = "checkpoint-signature", QT_TRANSLATE_NOOP(
        "vocabulary", "A checkpoint's signature does not verify")
    CHECKPOINT_SIGNER = "checkpoint-signer", QT_TRANSLATE_NOOP(
        "vocabulary", "A checkpoint names another signer than its key's owner")
    CHECKPOINT_KEY_REVOKED = "checkpoint-key-revoked", QT_TRANSLATE_NOOP(
        "vocabulary", "A checkpoint was signed after its key was revoked")
    # Signing keys against their ledger entries.
    KEY_MISSING = "key-missing", QT_TRANSLATE_NOOP("vocabulary",
                                                   "A signing key the ledger records is missing")
    KEY_NOT_IN_LEDGER = "key-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A signing key was never logged in the ledger")
    KEY_FINGERPRINT_MISMATCH = "key-fingerprint-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A key's stored fingerprint is not its certificate's")
    KEY_CERTIFICATE_UNREADABLE = "key-certificate-unreadable", QT_TRANSLATE_NOOP(
        "vocabulary", "A key's certificate cannot be read")
    KEY_OWNER_CHANGED = "key-owner-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A key belongs to another user than the ledger records")
    KEY_REVOCATION_UNDONE = "key-revocation-undone", QT_TRANSLATE_NOOP(
        "vocabulary", "A key the ledger records as revoked is marked usable again")
    KEY_REVOKED_NOT_IN_LEDGER = "key-revoked-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A key is marked revoked but the ledger records no revocation")
    KEY_REVOCATION_CHANGED = "key-revocation-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A key's revocation time differs from the ledger's")
    KEY_REVOCATION_REASON_CHANGED = "key-revocation-reason-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A key's revocation reason differs from what the ledger records")
    # Users and roles.
    USER_MISSING = "user-missing", QT_TRANSLATE_NOOP("vocabulary", "A user the ledger records is missing")
    USER_NOT_IN_LEDGER = "user-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A user was never logged in the ledger")
    USER_RECORD_CHANGED = "user-record-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A user's roles or state differ from what the ledger records")
    # The office's settings.
    # Trusted timestamps (RFC 3161) over checkpoints.
    TIMESTAMP_IMPRINT = "timestamp-imprint", QT_TRANSLATE_NOOP(
        "vocabulary", "A trusted timestamp does not cover its checkpoint")
    TIMESTAMP_INVALID = "timestamp-invalid", QT_TRANSLATE_NOOP(
        "vocabulary", "A trusted timestamp token does not verify")
    TIMESTAMP_NOT_IN_LEDGER = "timestamp-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A stored trusted timestamp is not the one the ledger recorded")
    TIMESTAMP_MISSING = "timestamp-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A trusted timestamp the ledger recorded is gone")
    TIMESTAMP_AUTHORITY_CHANGED = "timestamp-authority-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "The timestamp authority differs from what the ledger recorded")
    OFFICE_SETTINGS_CHANGED = "office-settings-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "The office's settings differ from what the ledger records")
    OFFICE_RECORD_CHANGED = "office-record-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "The office's name or case-number prefix differs from what the ledger records")
    # Cases.
    CASE_MISSING = "case-missing", QT_TRANSLATE_NOOP("vocabulary", "A case the ledger records is missing")
    CASE_NOT_IN_LEDGER = "case-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A case was never logged in the ledger")
    CASE_RECORD_CHANGED = "case-record-changed", QT_TRANSLATE_NOOP("vocabulary",
                                                                   "A case's record was changed")
    CASE_STATUS_CHANGED = "case-status-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A case's status differs from its recorded moves")
    CASE_MOVE_CHANGED = "case-move-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A case's move does not match the ledger")
    CASE_MOVE_MISSING = "case-move-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A case's move the ledger records is missing")
    MEDIATOR_ASSIGNMENT_CHANGED = "mediator-assignment-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A mediator's assignment does not match the ledger")
    MEDIATOR_ASSIGNMENT_MISSING = "mediator-assignment-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A mediator's assignment the ledger records is missing")
    RECORD_VERSION_CHANGED = "record-version-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A version of a party's or agent's record does not match the ledger")
    RECORD_VERSION_MISSING = "record-version-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A version of a party's or agent's record the ledger records is missing")
    RECORD_ROW_CHANGED = "record-row-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A party or agent differs from its latest recorded version")
    # The case file (卷宗): archive records, filed papers, covers.
    ARCHIVE_CHANGED = "archive-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A case file's archive record was changed")
    ARCHIVE_NOT_IN_LEDGER = "archive-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A case file's archiving was never logged in the ledger")
    ARCHIVE_MISSING = "archive-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A case file's archive record the ledger records is missing")
    ARCHIVE_DOCUMENT_CHANGED = "archive-document-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A record in an archived case file was changed after archiving")
    ARCHIVE_DOCUMENT_MISSING = "archive-document-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A record in an archived case file is missing")
    ARCHIVE_DOCUMENT_ADDED = "archive-document-added", QT_TRANSLATE_NOOP(
        "vocabulary", "A record was added to a case file after archiving")
    PAPER_CHANGED = "paper-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A paper's filing in the case file does not match the ledger")
    PAPER_MISSING = "paper-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A paper's filing the ledger records is missing")
    COVER_CHANGED = "cover-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A version of a case file's cover does not match the ledger")
    COVER_MISSING = "cover-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A version of a case file's cover the ledger records is missing")
    # Evidence items and their files.
    ITEM_MISSING = "item-missing", QT_TRANSLATE_NOOP("vocabulary",
                                                     "An evidence item the ledger records is missing")
    ITEM_NOT_IN_LEDGER = "item-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "An evidence item was never logged in the ledger")
    ITEM_RECORD_CHANGED = "item-record-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "An evidence item's record was changed")
    BLOB_MISSING = "blob-missing", QT_TRANSLATE_NOOP("vocabulary",
                                                     "An evidence file is missing from the vault")
    BLOB_CHANGED = "blob-changed", QT_TRANSLATE_NOOP("vocabulary",
                                                     "An evidence file in the vault was changed")
    BLOB_NOT_RECORDED = "blob-not-recorded", QT_TRANSLATE_NOOP(
        "vocabulary", "The vault holds a file no item uses (left by an interrupted ingest)")
    BLOB_ROW_CHANGED = "blob-row-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A file's entry in the database does not match its bytes")
    BLOB_ROW_MISSING = "blob-row-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A file's entry in the database is missing")
    # Seals (签章) on items.
    SEAL_MISSING = "seal-missing", QT_TRANSLATE_NOOP("vocabulary", "A seal the ledger records is missing")
    SEAL_KEY_UNKNOWN = "seal-key-unknown", QT_TRANSLATE_NOOP("vocabulary",
                                                             "A seal's certificate is not known here")
    SEAL_RECORD_MISMATCH = "seal-record-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A seal names another record than the item's")
    SEAL_SIGNATURE = "seal-signature", QT_TRANSLATE_NOOP("vocabulary", "A seal's signature does not verify")
    SEAL_NOT_IN_LEDGER = "seal-not-in-ledger", QT_TRANSLATE_NOOP("vocabulary",
                                                                 "A seal was never logged in the ledger")
    # Who signed, and when, for seals, preservation records and checkpoints.
    SIGNER_MISMATCH = "signer-mismatch", QT_TRANSLATE_NOOP("vocabulary", "Signed with another person's key")
    SIGNED_AFTER_REVOCATION = "signed-after-revocation", QT_TRANSLATE_NOOP(
        "vocabulary", "Signed after the key was revoked")
    REVOKED_AFTER_SEAL = "revoked-after-seal", QT_TRANSLATE_NOOP(
        "vocabulary", "The key was revoked after it sealed (the seal stays valid)")
    OUTSIDE_CERTIFICATE_VALIDITY = "outside-certificate-validity", QT_TRANSLATE_NOOP(
        "vocabulary", "Signed outside the certificate's validity")
    SIGNED_BEFORE_KEY = "signed-before-key", QT_TRANSLATE_NOOP(
        "vocabulary", "Signed with a key the ledger logged only later")
    # Preservation records (保全证据记录).
    RECORD_MISSING = "record-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record the ledger records is missing")
    RECORD_NOT_IN_LEDGER = "record-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record was never logged in the ledger")
    RECORD_CHANGED = "record-changed", QT_TRANSLATE_NOOP("vocabulary", "A preservation record was changed")
    RECORD_MALFORMED = "record-malformed", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record is not in canonical form")
    RECORD_ROW_MISMATCH = "record-row-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record's stored columns differ from its sealed text")
    RECORD_CASE_MISMATCH = "record-case-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record is filed under another case than it names")
    RECORD_SUPERSEDES_MISMATCH = "record-supersedes-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record's correction link differs from what it names")
    RECORD_CERTIFICATE_MISMATCH = "record-certificate-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record names another certificate than the key that signed it")
    RECORD_KEY_UNKNOWN = "record-key-unknown", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record's certificate is not known here")
    RECORD_SIGNATURE = "record-signature", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record's signature does not verify")
    RECORD_ITEM_MISMATCH = "record-item-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A preservation record lists an item that differs from the stored one")
    # Outcomes, performance obligations, performance records and follow-up visits.
    OUTCOME_CHANGED = "outcome-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "An outcome's record does not match the ledger")
    OUTCOME_MISSING = "outcome-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "An outcome the ledger records is missing")
    OBLIGATION_CHANGED = "obligation-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A performance obligation's record does not match the ledger")
    OBLIGATION_MISSING = "obligation-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A performance obligation the ledger records is missing")
    PERFORMANCE_CHANGED = "performance-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A performance record does not match the ledger")
    PERFORMANCE_MISSING = "performance-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A performance record the ledger records is missing")
    VISIT_CHANGED = "visit-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A follow-up visit's record does not match the ledger")
    VISIT_MISSING = "visit-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A follow-up visit the ledger records is missing")

    # Sittings and their minutes (调解记录 / 调查记录).
    SITTING_MISSING = "sitting-missing", QT_TRANSLATE_NOOP("vocabulary",
                                                           "A sitting the ledger records is missing")
    SITTING_RECORD_CHANGED = "sitting-record-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A version of a sitting's record does not match the ledger")
    SITTING_ROW_CHANGED = "sitting-row-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A sitting differs from its latest recorded version")
    MINUTES_ENTRY_CHANGED = "minutes-entry-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A minutes entry differs from what was recorded or sealed")
    MINUTES_ENTRY_MISSING = "minutes-entry-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A minutes entry that was recorded or sealed is missing")
    MINUTES_ENTRY_VERSION_CHANGED = "minutes-entry-version-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A version of a minutes entry does not match the ledger")
    MINUTES_MISSING = "minutes-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "Sealed minutes or an addendum the ledger records are missing")
    MINUTES_NOT_IN_LEDGER = "minutes-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "Sealed minutes were never logged in the ledger")
    MINUTES_CHANGED = "minutes-changed", QT_TRANSLATE_NOOP("vocabulary",
                                                           "Sealed minutes or an addendum were changed")
    MINUTES_MALFORMED = "minutes-malformed", QT_TRANSLATE_NOOP(
        "vocabulary", "Sealed minutes are not in canonical form")
    MINUTES_ROW_MISMATCH = "minutes-row-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "Sealed minutes' stored columns differ from their sealed text")
    MINUTES_ADDENDUM_MISMATCH = "minutes-addendum-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "An addendum names other minutes than its sitting's")
    MINUTES_KEY_UNKNOWN = "minutes-key-unknown", QT_TRANSLATE_NOOP(
        "vocabulary", "The certificate that sealed minutes is not known here")
    MINUTES_SIGNATURE = "minutes-signature", QT_TRANSLATE_NOOP(
        "vocabulary", "The signature on sealed minutes does not verify")
    MINUTES_CERTIFICATE_MISMATCH = "minutes-certificate-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "Sealed minutes name another certificate than the key that signed them")
    MINUTES_SIGNING_CHANGED = "minutes-signing-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A recorded signing of minutes does not match the ledger")
    MINUTES_SIGNING_MISSING = "minutes-signing-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A recorded signing of minutes the ledger records is missing")
    # Mediation agreements and supplementary agreements (人民调解协议书 / 补充协议), sealed by a mediator.
    AGREEMENT_NOT_IN_LEDGER = "agreement-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A sealed agreement was never logged in the ledger")
    AGREEMENT_CHANGED = "agreement-changed", QT_TRANSLATE_NOOP("vocabulary", "A sealed agreement was changed")
    AGREEMENT_MISSING = "agreement-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A sealed agreement the ledger records is missing")
    AGREEMENT_MALFORMED = "agreement-malformed", QT_TRANSLATE_NOOP(
        "vocabulary", "A sealed agreement is not in canonical form")
    AGREEMENT_ROW_MISMATCH = "agreement-row-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A sealed agreement's stored columns differ from its sealed text")
    AGREEMENT_KEY_UNKNOWN = "agreement-key-unknown", QT_TRANSLATE_NOOP(
        "vocabulary", "The certificate that sealed an agreement is not known here")
    AGREEMENT_SIGNATURE = "agreement-signature", QT_TRANSLATE_NOOP(
        "vocabulary", "The signature on a sealed agreement does not verify")
    AGREEMENT_CERTIFICATE_MISMATCH = "agreement-certificate-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A sealed agreement names another certificate than the key that signed it")

    # The documents registry (文书登记, issue 12): generated documents, their stored PDFs, their prints.
    DOCUMENT_CHANGED = "document-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A generated document's record does not match the ledger")
    DOCUMENT_NOT_IN_LEDGER = "document-not-in-ledger", QT_TRANSLATE_NOOP(
        "vocabulary", "A generated document was never logged in the ledger")
    DOCUMENT_MISSING = "document-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A generated document the ledger records is missing")
    DOCUMENT_PDF_CHANGED = "document-pdf-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A generated document's stored PDF differs from the one recorded")
    DOCUMENT_ROW_MISMATCH = "document-row-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A generated document's stored columns differ from its record")
    DOCUMENT_PRINT_CHANGED = "document-print-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "A print record does not match the ledger or its document")
    DOCUMENT_PRINT_MISSING = "document-print-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "A print record the ledger records is missing")
    # Items imported from another office's package (issue 13): their origin, re-checked.
    IMPORT_CHANGED = "import-changed", QT_TRANSLATE_NOOP(
        "vocabulary", "An imported item's origin or package record does not match the ledger")
    IMPORT_MISSING = "import-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "An import the ledger records is missing")
    IMPORT_FILE = "import-file", QT_TRANSLATE_NOOP(
        "vocabulary", "An imported item's file differs from its origin record")
    IMPORT_SEAL = "import-seal", QT_TRANSLATE_NOOP(
        "vocabulary", "An origin seal does not verify against its certificate")
    IMPORT_ENTRY = "import-entry", QT_TRANSLATE_NOOP(
        "vocabulary", "An origin ledger entry does not match the origin record")
    IMPORT_PROOF = "import-proof", QT_TRANSLATE_NOOP(
        "vocabulary", "An origin inclusion proof does not lead to the origin checkpoint")
    IMPORT_CHECKPOINT = "import-checkpoint", QT_TRANSLATE_NOOP(
        "vocabulary", "The origin checkpoint's signature does not verify")
    IMPORT_TIMESTAMP = "import-timestamp", QT_TRANSLATE_NOOP(
        "vocabulary", "The origin's trusted timestamp does not cover its checkpoint")


class ItemVerdict(Vocabulary):
    """The bottom line on one evidence item, as an evidence list or a court package states it."""

    SEALED = "sealed", QT_TRANSLATE_NOOP("vocabulary", "Intact and sealed")
    INTACT = "intact", QT_TRANSLATE_NOOP("vocabulary", "Intact, not sealed")
    FAILED = "failed", QT_TRANSLATE_NOOP("vocabulary", "Does not match its record")
