"""Verification reports in the window: the progress of a check and its findings."""
