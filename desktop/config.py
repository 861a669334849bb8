"""Settings: declared once with types and defaults, read once at start into one ``Settings`` object.

Each setting can come from the command line or an environment variable (command line wins). No other
module reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from desktop import APP_NAME

SUPPORTED_LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """One configurable value: where it may come from, how it is parsed, what it defaults to."""

    name: str
    env: str
    parse: Callable[[str], Any]
    default: Callable[[], Any]
    help: str


def _optional_text(value: str) -> str | None:
    value = value.strip()
    return value or None


def _keep(value: str) -> str:
    return value  # passwords are taken exactly as given, spaces and all


def _path(value: str) -> Path:
    return Path(value).expanduser()


def _default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("data_dir", "MEDISEAL_DATA_DIR", _path, _default_data_dir,
                "data folder: database, vault, logs, exports"),
    SettingSpec("database_url", "MEDISEAL_DATABASE_URL", _optional_text, lambda: None,
                "SQLAlchemy URL of a shared PostgreSQL server; default: SQLite in the data folder"),
    SettingSpec("lang", "MEDISEAL_LANG", _optional_text, lambda: None,
                "user-interface language (en, zh_CN); default: from the system locale"),
    SettingSpec("user", "MEDISEAL_USER", _optional_text, lambda: None,
                "the user a command acts for (also --user)"),
    SettingSpec("password", "MEDISEAL_PASSWORD", _keep, lambda: None,
                "that user's password; else the command prompts for it"),
    SettingSpec("new_password", "MEDISEAL_NEW_PASSWORD", _keep, lambda: None,
                "a new or changed password (user add, user passwd); else a prompt"),
    SettingSpec("pkcs12_password", "MEDISEAL_PKCS12_PASSWORD", _keep, lambda: None,
                "password of a PKCS#12 file being imported (key import); else a prompt"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings in force for this run."""

    data_dir: Path
    database_url: str | None
    lang: str | None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    new_password: str | None = field(default=None, repr=False)
    pkcs12_password: str | None = field(default=None, repr=False)


def load_settings(overrides: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Resolve every setting: command-line override, else environment, else default."""
    overrides = overrides or {}
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for spec in SPECS:
        given = overrides.get(spec.name)
        if given is not None:
            values[spec.name] = spec.parse(str(given))
        elif environ.get(spec.env):
            values[spec.name] = spec.parse(environ[spec.env])
        else:
            values[spec.name] = spec.default()
    return Settings(**values)
