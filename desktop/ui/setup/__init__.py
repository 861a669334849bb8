"""The first-run wizard that sets up a new data folder."""
