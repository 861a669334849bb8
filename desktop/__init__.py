"""Mediseal: offline workbench for IP-dispute mediation and electronic notarial evidence."""

# The one place the version is written; pyproject.toml reads it from here.
__version__ = "0.1.0"

APP_NAME = "Mediseal"
