"""One module per command group of the ``mediseal`` command line; each has ``register(commands)``."""
