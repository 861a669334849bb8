"""The parts of a case file (卷宗) in the order a people's mediation committee keeps them, and what one
document in a part is. The records of each domain (sealed minutes, outcomes, visits, filed papers) name
themselves as ``FileDocument`` values; the case file lists them per part and archiving seals their digests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.vocabulary import Vocabulary


class FilePart(Vocabulary):
    """A part of the case file, in filing order (人民调解文书格式, 2010: 卷宗 contents). The values are
    stored and in sealed records: never rename one."""

    APPLICATION = "application", QT_TRANSLATE_NOOP(
        "vocabulary", "Application or registration form")  # 申请书 / 受理登记表
    RIGHTS_NOTICE = "rights-notice", QT_TRANSLATE_NOOP(
        "vocabulary", "Notice of rights and obligations")  # 权利义务告知书
    IDENTITY = "identity", QT_TRANSLATE_NOOP("vocabulary", "Identity papers")  # 身份证明
    POWER_OF_ATTORNEY = "power-of-attorney", QT_TRANSLATE_NOOP(
        "vocabulary", "Powers of attorney")  # 授权委托书
    INVESTIGATION = "investigation", QT_TRANSLATE_NOOP("vocabulary", "Investigation records")  # 调查记录
    EVIDENCE = "evidence", QT_TRANSLATE_NOOP("vocabulary", "Evidence")  # 证据材料
    MINUTES = "minutes", QT_TRANSLATE_NOOP("vocabulary", "Mediation minutes")  # 调解记录
    AGREEMENT = "agreement", QT_TRANSLATE_NOOP("vocabulary", "Agreement")  # 协议书
    PERFORMANCE_PROOF = "performance-proof", QT_TRANSLATE_NOOP(
        "vocabulary", "Proof of performance")  # 履行凭证
    FOLLOW_UP = "follow-up", QT_TRANSLATE_NOOP("vocabulary", "Follow-up records")  # 回访记录
    JUDICIAL_CONFIRMATION = "judicial-confirmation", QT_TRANSLATE_NOOP(
        "vocabulary", "Judicial-confirmation papers")  # 司法确认材料
    FILE_NOTE = "file-note", QT_TRANSLATE_NOOP("vocabulary", "Note on the file")  # 卷宗情况说明
    BACK_COVER = "back-cover", QT_TRANSLATE_NOOP("vocabulary", "Back cover")  # 封底


@dataclass(frozen=True, slots=True)
class FileDocument:
    """One document in a part of the case file: what it is, the record or blob it rests on (its SHA-256),
    and where it comes from (``reference``, e.g. ``minutes:12`` or ``evidence:34``), for the checklist,
    the file's index and the archive's manifest."""

    part: FilePart
    title: str
    reference: str
    sha256: str
    recorded_at: datetime
