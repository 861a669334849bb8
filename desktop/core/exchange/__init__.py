"""What leaves Mediseal for others to check, and what comes back: inclusion proofs, court packages and
their check (verify-package), backup and restore; import between offices comes next (issue 13)."""
