"""The acquisition dialog asked before an ingest: how the files were obtained (source kind, URL for a web
capture, when, by whom, with what) and whether a notary seals them at once."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.evidence.acquisition import Acquisition, SourceKind, validate_acquisition
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label, translate_error

WEB_CAPTURE = SourceKind.WEB_CAPTURE.value


def source_kind_titles() -> dict[str, str]:
    """The source kinds of evidence as users read them (当事人提交, 网页取证 …): the ``SourceKind``
    vocabulary's labels, keyed by code, in the vocabulary's order."""
    return {kind.value: label(kind) for kind in SourceKind}


def to_utc(moment: QDateTime) -> datetime:
    """A date-time edit's value as an aware UTC datetime (the core never takes naive ones)."""
    return datetime.fromtimestamp(moment.toSecsSinceEpoch(), tz=UTC)


class OptionalTime(QWidget):
    """A date and time that may be left out: a check box beside a date-time edit."""

    def __init__(self, label: str, checked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setChecked(checked)
        self.edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.edit.setEnabled(checked)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # one row, as a field

    def value(self) -> datetime | None:
        return to_utc(self.edit.dateTime()) if self.check.isChecked() else None


class AcquisitionDialog(QDialog):
    """Asks once for the whole batch; the core's ``validate_acquisition`` decides what is acceptable."""

    def __init__(self, file_count: int, acquired_by: str, may_seal: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take in evidence"))
        self.setObjectName("acquisitionDialog")
        self.acquisition: Acquisition | None = None
        self.may_seal = may_seal
        intro = QLabel(self.tr("{count} file(s) or folder(s) to take into the vault. Describe how they "
                               "were obtained; this is recorded with each item and cannot be changed "
                               "later.").format(count=file_count))
        intro.setWordWrap(True)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("sourceKind")
        for kind, title in source_kind_titles().items():
            self.kind_combo.addItem(title, kind)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("sourceUrl")
        self.url_edit.setPlaceholderText("https://")
        self.acquired_at = OptionalTime(self.tr("Known:"), checked=False)
        self.acquired_at.setObjectName("acquiredAt")
        self.acquired_by_edit = QLineEdit(acquired_by)
        self.acquired_by_edit.setObjectName("acquiredBy")
        self.device_edit = QLineEdit()
        self.device_edit.setObjectName("device")
        self.device_edit.setPlaceholderText(self.tr("e.g. camera model, capture software and version"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.seal_check = QCheckBox(self.tr("Seal each item at once with my signing key"))
        self.seal_check.setObjectName("sealAtOnce")
        self.seal_check.setVisible(may_seal)
        self.message = error_label("acquisitionMessage")

        form = QFormLayout()
        form.addRow(self.tr("Source:"), self.kind_combo)
        self.url_label = QLabel(self.tr("Address (URL):"))
        form.addRow(self.url_label, self.url_edit)
        form.addRow(self.tr("Acquired at:"), self.acquired_at)
        form.addRow(self.tr("Acquired by:"), self.acquired_by_edit)
        form.addRow(self.tr("Device or software:"), self.device_edit)
        form.addRow(self.tr("Note:"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Take In"))
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.seal_check)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.field_widgets: dict[str, QWidget] = {
            "source": self.kind_combo, "url": self.url_edit, "acquired_at": self.acquired_at.edit,
            "acquired_by": self.acquired_by_edit, "device": self.device_edit, "note": self.note_edit}
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.url_edit.textChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(520, self.sizeHint().height())

    def source_kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_source_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _kind_changed(self) -> None:
        web = self.source_kind() == WEB_CAPTURE
        self.url_label.setText(self.tr("Address (URL, required):") if web else self.tr("Address (URL):"))
        self.ok_button.setEnabled(not web or bool(self.url_edit.text().strip()))
        self.message.clear()

    def attempt(self) -> None:
        given = Acquisition(self.source_kind(), self.url_edit.text(), self.acquired_at.value(),
                            self.acquired_by_edit.text(), self.device_edit.text(),
                            self.note_edit.toPlainText())
        try:
            self.acquisition = validate_acquisition(given)
        except MedisealError as error:
            self.message.setText(translate_error(error))  # the field by its name (core.fields)
            focus = self.field_widgets.get(str(error.fields.get("field")))
            if focus is not None:
                focus.setFocus()
            return
        self.accept()

    def seal_at_once(self) -> bool:
        return self.may_seal and self.seal_check.isChecked()
