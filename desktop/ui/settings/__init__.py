"""The Settings page: idle lock, users and keys."""
