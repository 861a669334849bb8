"""Verification of the store against its ledger, both ways: the ledger, checkpoints, keys, users, cases,
evidence, seals and preservation records; results as data (statuses, findings, a derived bottom line)."""
