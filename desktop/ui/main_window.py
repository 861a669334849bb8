"""The main window: menu bar, side bar of pages, status bar; geometry remembered per data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.datafolder import DataFolder
from desktop.ui.pages import PlaceholderPage, page_specs

if TYPE_CHECKING:  # the store module pulls in SQLAlchemy, which the window must not wait for
    from desktop.core.store import OpenStore

UI_SETTINGS_FILE = "ui.ini"


def ui_settings(folder: DataFolder) -> QSettings:
    """Window geometry and other view state, kept in the data folder beside the data it shows."""
    return QSettings(str(folder.root / UI_SETTINGS_FILE), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The application window. It shows at once; ``attach`` hands it the store once that is open."""

    def __init__(self, folder: DataFolder, database_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.store: OpenStore | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)

        self.side_bar = QListWidget()
        self.side_bar.setObjectName("sideBar")
        self.side_bar.setMinimumWidth(140)
        self.side_bar.setStyleSheet("QListWidget#sideBar::item { padding: 6px 10px; }")
        self.pages = QStackedWidget()
        self.page_keys: list[str] = []
        for spec in page_specs():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.side_bar.addItem(item)
            self.pages.addWidget(PlaceholderPage(spec))
            self.page_keys.append(spec.key)
        self.side_bar.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_bar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 920])
        self.setCentralWidget(self.splitter)

        self.folder_label = QLabel(self.tr("Data folder: {path}").format(path=str(folder.root)))
        self.database_label = QLabel(self.tr("Database: {kind}").format(kind=database_label))
        self.statusBar().addPermanentWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().showMessage(self.tr("Opening the data folder…"))

        self._build_menus()
        self._restore_view_state()

    def attach(self, store: OpenStore, office_name: str) -> None:
        """The store is open and the office known: the window is ready for work."""
        self.store = store
        self.setWindowTitle(f"{office_name} — {APP_NAME}")
        self.statusBar().showMessage(self.tr("Ready"), 5000)

    # --- menus ----------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _page_action(self, menu: QMenu, key: str, title: str) -> QAction:
        index = self.page_keys.index(key)
        return self._action(menu, title, lambda: self.show_page(key), f"Ctrl+{index + 1}")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        for text, method, key in (
            (self.tr("&Undo"), "undo", QKeySequence.StandardKey.Undo),
            (self.tr("&Redo"), "redo", QKeySequence.StandardKey.Redo),
            (self.tr("Cu&t"), "cut", QKeySequence.StandardKey.Cut),
            (self.tr("&Copy"), "copy", QKeySequence.StandardKey.Copy),
            (self.tr("&Paste"), "paste", QKeySequence.StandardKey.Paste),
            (self.tr("Select &All"), "selectAll", QKeySequence.StandardKey.SelectAll),
        ):
            self._action(edit_menu, text, lambda _checked=False, m=method: self._edit(m), key)

        view_menu = bar.addMenu(self.tr("&View"))
        titles = {spec.key: spec.title for spec in page_specs()}
        for key in self.page_keys:
            self._page_action(view_menu, key, titles[key])
        view_menu.addSeparator()
        self.side_bar_action = self._action(view_menu, self.tr("Show &Side Bar"), self._toggle_side_bar)
        self.side_bar_action.setCheckable(True)
        self.side_bar_action.setChecked(True)
        self._action(view_menu, self.tr("&Full Screen"), self._toggle_full_screen,
                     QKeySequence.StandardKey.FullScreen)

        case_menu = bar.addMenu(self.tr("&Case"))
        self._action(case_menu, self.tr("Show &Cases"), lambda: self.show_page("cases"))
        evidence_menu = bar.addMenu(self.tr("Evi&dence"))
        self._action(evidence_menu, self.tr("Show &Evidence"), lambda: self.show_page("evidence"))
        tools_menu = bar.addMenu(self.tr("&Tools"))
        self._action(tools_menu, self.tr("&Ledger"), lambda: self.show_page("ledger"))
        settings_action = self._action(tools_menu, self.tr("&Settings…"), lambda: self.show_page("settings"),
                                       QKeySequence.StandardKey.Preferences)
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action(help_menu, self.tr("&About Mediseal"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._action(help_menu, self.tr("About &Qt"), QApplication.aboutQt)

    def _edit(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QTextEdit) and hasattr(widget, method):
            getattr(widget, method)()

    def _toggle_side_bar(self, checked: bool) -> None:
        self.side_bar.setVisible(checked)

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    # --- pages ----------------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        """Switch to the page named ``key`` (and select it in the side bar)."""
        self.side_bar.setCurrentRow(self.page_keys.index(key))

    def current_page_key(self) -> str:
        return self.page_keys[self.pages.currentIndex()]

    def show_about(self) -> QDialog:
        from desktop.ui.about import AboutDialog  # imports SQLAlchemy for its version

        dialog = AboutDialog(self.folder, self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- view state -----------------------------------------------------------------------------
    def _restore_view_state(self) -> None:
        settings = ui_settings(self.folder)
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        page = settings.value("main/page", "cases")
        self.show_page(page if page in self.page_keys else "cases")

    def save_view_state(self) -> None:
        settings = ui_settings(self.folder)
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/page", self.current_page_key())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is not None:  # a folder that never opened gets no ui.ini written into it
            self.save_view_state()
        super().closeEvent(event)
