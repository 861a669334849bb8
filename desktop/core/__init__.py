"""Headless services (no Qt): one package per domain; the GUI, the command line and the tests call
the same functions, so a rule that protects a record is enforced once."""
