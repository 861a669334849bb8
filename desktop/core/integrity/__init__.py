"""Integrity primitives: canonical JSON (RFC 8785), the RFC 9162 Merkle tree, streaming
digests and durable file writing. No database, no Qt."""
