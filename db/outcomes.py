"""Models of outcomes, performance and follow-up visits. Every schema change comes with a migration."""

from __future__ import annotations
