"""The content-addressed evidence vault: the ``Vault`` interface and its backends (the local
folder now; an object store for a centre later)."""
