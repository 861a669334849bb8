"""Signing in and unlocking a locked window."""
