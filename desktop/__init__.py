"""Mediseal: offline workbench for IP-dispute mediation and electronic notarial evidence."""

from importlib import metadata

try:
    __version__ = metadata.version("mediseal")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Mediseal"
