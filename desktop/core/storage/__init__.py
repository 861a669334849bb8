"""Where things are kept: the data folder, opening the store (engine and migrations), the log,
and the evidence vault (``vault/``: the interface and the local-folder backend)."""
