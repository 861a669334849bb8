"""Models of the case file (卷宗). Every schema change here comes with an Alembic migration."""

from __future__ import annotations
