"""SQLAlchemy 2.0 models, the engine and the Alembic migrations; imports nothing of ``desktop``."""
