"""Loading the user-interface translation (``resources/i18n/mediseal_<lang>.qm``)."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.errors import ERRORS_CONTEXT, MedisealError
from desktop.core.vocabulary import VOCABULARY_CONTEXT, Vocabulary

TRANSLATION_PREFIX = "mediseal_"
# Error fields whose values are themselves marked for translation (e.g. the action a role lacks).
TRANSLATED_FIELDS = frozenset({"action"})


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """``requested`` if given, else zh_CN on a Chinese system locale, else English."""
    if requested:
        return requested
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install Mediseal's translation for ``language`` (and Qt's own, for standard buttons and
    dialogs); return Mediseal's, or None for English (the source language)."""
    if language == "en":
        return None
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
    translator = QTranslator(app)
    resource = files("resources") / "i18n" / f"{TRANSLATION_PREFIX}{language}.qm"
    with as_file(resource) as path:
        if not translator.load(str(path)):
            return None
    app.installTranslator(translator)
    return translator


def translate_error(error: object) -> str:
    """A domain error's message in the user's language (templates live in the ``errors`` context)."""
    if isinstance(error, MedisealError):
        template = QCoreApplication.translate(ERRORS_CONTEXT, error.template)
        fields = {key: QCoreApplication.translate(ERRORS_CONTEXT, str(value)) if key in TRANSLATED_FIELDS
                  else value for key, value in error.fields.items()}
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
