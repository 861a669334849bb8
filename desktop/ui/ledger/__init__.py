"""The Ledger page: entries (lazy), checkpoints, whole-store verification."""
