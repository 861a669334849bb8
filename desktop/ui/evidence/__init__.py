"""The Evidence page: items of a case, detail and preview, ingest, seals, copies, preservation
records."""
