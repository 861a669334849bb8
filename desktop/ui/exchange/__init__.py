"""Exchange dialogs: court packages (export, verify), backup and restore of the data folder."""
