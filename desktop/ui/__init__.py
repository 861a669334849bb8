"""The PySide6 window: the app and main window, ``framework/`` shared by every page, and one package
per page. Widgets call core only through the op runner."""
