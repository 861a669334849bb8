"""Who may do what and what proves it: permissions, passwords, users, sign-in, ``pki/``,
signing keys, the append-only ledger and its signed checkpoints."""
