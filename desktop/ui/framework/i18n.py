"""Loading the user-interface translation (``resources/i18n/mediseal_<lang>.qm``)."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import as_file, files

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.errors import ERRORS_CONTEXT, MedisealError
from desktop.core.fields import FIELD, field_of
from desktop.core.trust.permissions import Role
from desktop.core.vocabulary import VOCABULARY_CONTEXT, Vocabulary

TRANSLATION_PREFIX = "mediseal_"
# Error fields whose values are themselves marked for translation (e.g. the action a role lacks).
TRANSLATED_FIELDS = frozenset({"action"})
# Error fields whose values are roles by their codes, joined with ", " (the roles an action needs).
ROLE_FIELDS = frozenset({"roles"})
QT_TRANSLATION_PREFIX = "qtbase_"
# Qt's own Chinese catalogue (qtbase_zh_CN.qm, as shipped with Qt 6.x) lacks two labels of the file
# dialog, whose sources gained a mnemonic, and the kinds in its Type column (whose context moved to
# QAbstractFileIconProvider in Qt 6), and calls a file's size 体积. Mediseal's catalogue carries these in
# Qt's contexts; installed after Qt's, it is asked first.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
)


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """``requested`` if given, else zh_CN on a Chinese system locale, else English."""
    if requested:
        return requested
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install Mediseal's translation for ``language`` and Qt's own (``qtbase_<lang>``: the standard
    buttons, file chooser and message boxes), and make ``language`` the default locale (calendar popups,
    dates in the file chooser); return Mediseal's translator, or None for English (the source language).
    All are children of ``app``: ``remove_translators`` undoes this."""
    if language == "en":
        return None
    QLocale.setDefault(QLocale(language))
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"{QT_TRANSLATION_PREFIX}{language}", qt_folder):
        app.installTranslator(qt_translator)
    translator = QTranslator(app)
    resource = files("resources") / "i18n" / f"{TRANSLATION_PREFIX}{language}.qm"
    with as_file(resource) as path:
        if not translator.load(str(path)):
            return None
    app.installTranslator(translator)
    return translator


def remove_translators(app: QCoreApplication, locale: QLocale) -> None:
    """Undo ``install_translator``: remove every translator it gave ``app`` and restore ``locale`` as the
    default (a test switches languages this way)."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def _role_words(code: str) -> str:
    try:
        return label(Role(code))
    except ValueError:
        return code


def listed(words: Iterable[str]) -> str:
    """Words as a list in a sentence or a cell: ``李华 (lihua), 王芳 (wang)``; 、 between them in Chinese."""
    return QCoreApplication.translate("People", ", ").join(words)


def _roles(codes: str) -> str:
    """``admin, notary`` as the roles' words (管理员、公证员); a code no role has stays as it is."""
    return listed(_role_words(code) for code in codes.split(", "))


def translate_error(error: object) -> str:
    """A domain error's message in the user's language (templates live in the ``errors`` context): the
    field it names by its label (``reason`` → 理由, not the code), roles by their words."""
    if isinstance(error, MedisealError):
        template = QCoreApplication.translate(ERRORS_CONTEXT, error.template)
        fields = {key: QCoreApplication.translate(ERRORS_CONTEXT, str(value)) if key in TRANSLATED_FIELDS
                  else _roles(str(value)) if key in ROLE_FIELDS else value
                  for key, value in error.fields.items()}
        field = field_of(error)
        if field is not None:
            fields[FIELD] = label(field)
        try:
            return template.format(**fields)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return error.message
    return str(error)


def label(value: Vocabulary) -> str:
    """A vocabulary value (an event kind, a role, a finding code…) as words in the user's language."""
    return QCoreApplication.translate(VOCABULARY_CONTEXT, value.label)


def event_label(kind: str) -> str:
    """A ledger entry's kind as words (入库, 加盖签章, 登录失败 …); a kind this version does not know stays
    as its code."""
    from desktop.core.trust.events import EventKind

    try:
        return label(EventKind(kind))
    except ValueError:
        return kind
