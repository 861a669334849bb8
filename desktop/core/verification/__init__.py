"""Verification of the store: ledger, checkpoints, evidence, seals, records, keys and users, each
result as data (statuses and findings) with a derived bottom line."""
