"""The Chinese words documents use for vocabulary values (case types, party roles, sexes...): documents
for a court are in Chinese whatever the user-interface language, and the words are the ones the Chinese
translation gives (``resources/i18n/mediseal_zh_CN.ts``), read here without Qt."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ElementTree
from importlib.resources import files

from desktop.core.vocabulary import Vocabulary

TRANSLATION = "mediseal_zh_CN.ts"


@functools.cache
def _vocabulary_words() -> dict[str, str]:
    """English label → Chinese, for the "vocabulary" context of the Chinese translation."""
    text = (files("resources") / "i18n" / TRANSLATION).read_bytes()
    root = ElementTree.fromstring(text)
    words: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != "vocabulary":
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source and translation is not None and translation.text and \
                    translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                words[source] = translation.text
    return words


def in_chinese(value: Vocabulary) -> str:
    """``value``'s Chinese label; its English label when the translation has none (a test keeps every
    value translated)."""
    return _vocabulary_words().get(value.label, value.label)
