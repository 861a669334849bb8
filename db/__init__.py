"""SQLAlchemy 2.0 models, the engine and the Alembic migrations; imports nothing of ``desktop``."""

# Models of later domains live in their own modules beside ``db.models`` (split per domain as they grow);
# importing them with the package puts their tables in ``Base.metadata`` for migrations and the schema
# check, whichever module is imported first, and without an import cycle (they import ``db.models``).
from db import agreements, case_file, courts, documents, imports, outcomes, sittings, timestamps  # noqa: F401
