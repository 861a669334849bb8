"""Models of sittings and minutes. Every schema change here comes with an Alembic migration."""

from __future__ import annotations
