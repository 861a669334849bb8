"""The fields core errors name (``clean_text(value, "reason", …)``, ``InvalidInput(…, field="witnesses")``):
each field's code with a label, so the window names the field in the user's language (“理由”为必填项)
and the command line in plain English, while programs and dialogs (which move the focus to the field
named) keep reading the code. A test finds every code core passes and requires it here, with Chinese.

Labels are read inside sentences: those of typed fields as a form labels them (``The field Reason is
required.``), those of identity numbers and amounts in lower case (``The identity number must have 18
characters``).
"""

from __future__ import annotations

from desktop.core.errors import MedisealError
from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

FIELD = "field"  # the error field that names a field


class Field(Vocabulary):
    """A field an error can name. The values are what errors carry (and tests read): never rename one."""

    # Cases and parties
    TYPE = "type", QT_TRANSLATE_NOOP("vocabulary", "type")  # a case's type; a record's "type" key
    TITLE = "title", QT_TRANSLATE_NOOP("vocabulary", "Title")  # 案件名称
    REASON = "reason", QT_TRANSLATE_NOOP("vocabulary", "Reason")  # a move's, a revocation's, a correction's
    IDENTITY_NUMBER = "identity number", QT_TRANSLATE_NOOP("vocabulary", "identity number")  # 身份证号码
    CREDIT_CODE = "unified social credit code", QT_TRANSLATE_NOOP(
        "vocabulary", "unified social credit code")  # 统一社会信用代码
    PERMIT_NUMBER = "permit number", QT_TRANSLATE_NOOP("vocabulary", "permit number")  # 通行证号码
    NATIONALITY = "nationality", QT_TRANSLATE_NOOP("vocabulary", "nationality")
    PASSPORT_NUMBER = "passport number", QT_TRANSLATE_NOOP("vocabulary", "passport number")
    AMOUNT = "amount", QT_TRANSLATE_NOOP("vocabulary", "amount")  # 金额
    COUNTRY = "country", QT_TRANSLATE_NOOP("vocabulary", "country")  # 国家或地区, in a three-letter code
    BIRTH_DATE = "birth_date", QT_TRANSLATE_NOOP("vocabulary", "Date of birth")  # 出生日期
    SEX = "sex", QT_TRANSLATE_NOOP("vocabulary", "Sex")  # 性别
    ETHNICITY = "ethnicity", QT_TRANSLATE_NOOP("vocabulary", "Ethnic group")  # 民族
    OCCUPATION = "occupation", QT_TRANSLATE_NOOP("vocabulary", "Occupation or post")  # 职业或职务
    ADDRESS = "address", QT_TRANSLATE_NOOP("vocabulary", "Address or work unit")  # 住所或工作单位
    PHONE = "phone", QT_TRANSLATE_NOOP("vocabulary", "Phone")  # 联系电话
    REGISTRATION_NUMBER = "registration_number", QT_TRANSLATE_NOOP(
        "vocabulary", "Registration number")  # a foreign company's (注册号)
    DOMICILE = "domicile", QT_TRANSLATE_NOOP("vocabulary", "Domicile")  # 住所
    REPRESENTATIVE = "representative", QT_TRANSLATE_NOOP(
        "vocabulary", "Legal representative or person in charge")  # 法定代表人或主要负责人
    REPRESENTATIVE_POST = "representative_post", QT_TRANSLATE_NOOP(
        "vocabulary", "Post of the representative")  # 职务
    PATENT_KIND = "patent_kind", QT_TRANSLATE_NOOP("vocabulary", "Kind of patent")  # 专利类型
    SUMMARY = "summary", QT_TRANSLATE_NOOP("vocabulary", "Account of the dispute")  # 纠纷简要情况
    REQUESTS = "requests", QT_TRANSLATE_NOOP("vocabulary", "Requests")  # 申请事项
    AMOUNT_CLAIMED = "amount_claimed", QT_TRANSLATE_NOOP("vocabulary", "Amount claimed")  # 请求金额
    RECEIVED_ON = "received_on", QT_TRANSLATE_NOOP("vocabulary", "Date received")  # 收案日期
    COURT_NAME = "court_name", QT_TRANSLATE_NOOP("vocabulary", "Court")  # 委派/委托法院
    COURT_CASE_NUMBER = "court_case_number", QT_TRANSLATE_NOOP("vocabulary", "Court case number")  # 法院案号
    PROCEDURE = "procedure", QT_TRANSLATE_NOOP("vocabulary", "Procedure")  # 审理程序
    TIME_LIMIT_DAYS = "time_limit_days", QT_TRANSLATE_NOOP("vocabulary", "Time limit (days)")  # 调解期限
    CITED_MATTER = "cited_matter", QT_TRANSLATE_NOOP("vocabulary", "Cited notarial matter")  # 引用的公证事项
    STATUS = "status", QT_TRANSLATE_NOOP("vocabulary", "Status")
    EFFECTIVE_ON = "effective_on", QT_TRANSLATE_NOOP("vocabulary", "Date of effect")  # 协议生效日期
    MEDIATOR = "mediator", QT_TRANSLATE_NOOP("vocabulary", "Mediator")
    DECLARATION = "declaration", QT_TRANSLATE_NOOP("vocabulary", "Declaration")  # 回避声明
    # Agents (委托代理人) and service addresses (送达地址确认书)
    AGENT_KIND = "agent_kind", QT_TRANSLATE_NOOP("vocabulary", "Kind of agent")  # 代理人类别
    FIRM = "firm", QT_TRANSLATE_NOOP(
        "vocabulary", "Law firm or legal service office")  # 律师事务所或法律服务所
    LICENCE_NUMBER = "licence_number", QT_TRANSLATE_NOOP(
        "vocabulary", "Practising certificate number")  # 执业证号
    DOCUMENT = "document", QT_TRANSLATE_NOOP("vocabulary", "Identity document")  # 证件类型
    AUTHORITY = "authority", QT_TRANSLATE_NOOP("vocabulary", "Authority")  # 代理权限
    POWERS = "powers", QT_TRANSLATE_NOOP("vocabulary", "Special powers")  # 特别授权事项
    VALID_FROM = "valid_from", QT_TRANSLATE_NOOP("vocabulary", "Valid from")  # 授权期限起
    VALID_TO = "valid_to", QT_TRANSLATE_NOOP("vocabulary", "Valid until")  # 授权期限止
    SERVICE_ADDRESS = "service_address", QT_TRANSLATE_NOOP("vocabulary", "Service address")  # 送达地址
    SERVICE_PHONE = "service_phone", QT_TRANSLATE_NOOP("vocabulary", "Phone for service")  # 送达联系电话
    RECIPIENT = "recipient", QT_TRANSLATE_NOOP("vocabulary", "Recipient")  # 收件人
    POSTCODE = "postcode", QT_TRANSLATE_NOOP("vocabulary", "Postcode")  # 邮政编码
    EMAIL = "email", QT_TRANSLATE_NOOP("vocabulary", "E-mail")  # 电子邮箱
    # Evidence: how it was acquired (取证信息)
    SOURCE = "source", QT_TRANSLATE_NOOP("vocabulary", "Source")
    URL = "url", QT_TRANSLATE_NOOP("vocabulary", "Address (URL)")
    CA_FILE = "ca_file", QT_TRANSLATE_NOOP("vocabulary", "CA certificate file")  # CA 证书文件（时间戳）
    # A package imported from another office.
    SOURCE_OFFICE = "source_office", QT_TRANSLATE_NOOP("vocabulary", "Source office")  # 来源机构
    PACKAGE_FILE = "package_file", QT_TRANSLATE_NOOP("vocabulary", "Package file")  # 证据包文件
    MIME_TYPE = "mime_type", QT_TRANSLATE_NOOP("vocabulary", "File type")  # 文件类型
    ACQUIRED_AT = "acquired_at", QT_TRANSLATE_NOOP("vocabulary", "Acquired at")  # 取证时间
    ACQUIRED_BY = "acquired_by", QT_TRANSLATE_NOOP("vocabulary", "Acquired by")  # 取证人
    DEVICE = "device", QT_TRANSLATE_NOOP("vocabulary", "Device or software")
    NOTE = "note", QT_TRANSLATE_NOOP("vocabulary", "Note")
    # The case file (卷宗) and its cover.
    PART = "part", QT_TRANSLATE_NOOP("vocabulary", "Part of the file")  # 卷宗部分
    FILE_NAME = "file_name", QT_TRANSLATE_NOOP("vocabulary", "File name")  # 卷宗名称
    FILE_NUMBER = "file_number", QT_TRANSLATE_NOOP("vocabulary", "File number")  # 卷宗号
    RETENTION = "retention", QT_TRANSLATE_NOOP("vocabulary", "Retention period")  # 保管期限
    NOTES = "notes", QT_TRANSLATE_NOOP("vocabulary", "Notes")  # 备注
    FILE_NOTE = "file_note", QT_TRANSLATE_NOOP("vocabulary", "Note on the file")  # 卷宗情况说明
    # Preservation records (保全证据记录)
    PLACE = "place", QT_TRANSLATE_NOOP("vocabulary", "Place")
    APPLICANT = "applicant", QT_TRANSLATE_NOOP("vocabulary", "Applicant")
    OPERATOR = "operator", QT_TRANSLATE_NOOP("vocabulary", "Operator")
    WITNESSES = "witnesses", QT_TRANSLATE_NOOP("vocabulary", "Witnesses")
    STEPS = "steps", QT_TRANSLATE_NOOP("vocabulary", "Steps")
    DEVICES = "devices", QT_TRANSLATE_NOOP("vocabulary", "Devices and software")
    ENDED_AT = "ended_at", QT_TRANSLATE_NOOP("vocabulary", "Ended at")
    ITEMS = "items", QT_TRANSLATE_NOOP("vocabulary", "Evidence items")
    # Outcomes, performance and follow-up visits (调解结果、履行、回访)
    KIND = "kind", QT_TRANSLATE_NOOP("vocabulary", "Kind")  # of an outcome, obligation, sitting or entry
    SIGNED = "signed", QT_TRANSLATE_NOOP("vocabulary", "Signatures")  # 签名
    MEDIATOR_SIGNED_ON = "mediator_signed_on", QT_TRANSLATE_NOOP("vocabulary", "Date the mediator signed")
    CONTENT = "content", QT_TRANSLATE_NOOP("vocabulary", "Content of the agreement")  # 协议内容
    PARTY = "party", QT_TRANSLATE_NOOP("vocabulary", "Party")  # 履行义务人
    DESCRIPTION = "description", QT_TRANSLATE_NOOP("vocabulary", "Details")
    DUE_ON = "due_on", QT_TRANSLATE_NOOP("vocabulary", "Due date")  # 履行期限
    INSTALMENTS = "instalments", QT_TRANSLATE_NOOP("vocabulary", "Instalments")  # 分期
    DONE_ON = "done_on", QT_TRANSLATE_NOOP("vocabulary", "Date done")  # 履行日期
    PROOF = "proof", QT_TRANSLATE_NOOP("vocabulary", "Proof files")  # 履行凭证
    VISITED_ON = "visited_on", QT_TRANSLATE_NOOP("vocabulary", "Date of the visit")  # 回访日期
    VISITORS = "visitors", QT_TRANSLATE_NOOP("vocabulary", "Visited by")  # 回访人
    MATTER = "matter", QT_TRANSLATE_NOOP("vocabulary", "Matter")  # 事由 of a sitting, 回访事项 of a visit
    FINDINGS = "findings", QT_TRANSLATE_NOOP("vocabulary", "Findings")  # 调解员意见 / 回访情况
    # The mediation agreement (人民调解协议书): what its problems name (People's Mediation Law art. 29)
    FACTS = "facts", QT_TRANSLATE_NOOP("vocabulary", "Main facts of the dispute")  # 纠纷主要事实
    DISPUTED = "disputed", QT_TRANSLATE_NOOP("vocabulary", "Disputed matters")  # 争议事项
    RESPONSIBILITY = "responsibility", QT_TRANSLATE_NOOP(
        "vocabulary", "Each side's responsibility")  # 各方责任
    CLAUSES = "clauses", QT_TRANSLATE_NOOP("vocabulary", "Clauses")  # 协议条款
    PARTIES = "parties", QT_TRANSLATE_NOOP("vocabulary", "Parties")  # 当事人
    PERFORMANCE_MANNER = "performance_manner", QT_TRANSLATE_NOOP("vocabulary", "Manner of performance")
    PERFORMANCE_PLACE = "performance_place", QT_TRANSLATE_NOOP("vocabulary", "Place of performance")
    PERFORMANCE_DEADLINE = "performance_deadline", QT_TRANSLATE_NOOP("vocabulary", "Deadline of performance")
    BREACH_LIABILITY = "breach_liability", QT_TRANSLATE_NOOP("vocabulary", "Liability for breach")  # 违约责任
    COPIES = "copies", QT_TRANSLATE_NOOP("vocabulary", "Copies")  # 份数
    DRAFT = "draft", QT_TRANSLATE_NOOP("vocabulary", "Agreement draft")  # 协议书草稿
    # Users, keys and the office
    NAME = "name", QT_TRANSLATE_NOOP("vocabulary", "Name")  # a user's login name; the office's name
    REAL_NAME = "real_name", QT_TRANSLATE_NOOP("vocabulary", "Real name")  # 姓名
    ROLE = "role", QT_TRANSLATE_NOOP("vocabulary", "Role")
    PASSWORD = "password", QT_TRANSLATE_NOOP("vocabulary", "Password")
    COMMON_NAME = "common_name", QT_TRANSLATE_NOOP("vocabulary", "Name on the certificate")
    ORGANIZATION = "organization", QT_TRANSLATE_NOOP("vocabulary", "Organization on the certificate")
    FINGERPRINT = "fingerprint", QT_TRANSLATE_NOOP("vocabulary", "Fingerprint")
    PREFIX = "prefix", QT_TRANSLATE_NOOP("vocabulary", "Case-number prefix")
    MEDIATION_WORD = "mediation_word", QT_TRANSLATE_NOOP("vocabulary", "Word of case numbers")  # 代字
    NOTARIAL_PREFIX = "notarial_prefix", QT_TRANSLATE_NOOP("vocabulary", "Notarial-matter prefix")
    NOTARIAL_WORD = "notarial_word", QT_TRANSLATE_NOOP("vocabulary", "Word of notarial-matter numbers")
    IDLE_LOCK_MINUTES = "idle_lock_minutes", QT_TRANSLATE_NOOP("vocabulary", "Idle lock (minutes)")
    # Sittings and minutes (调解会, 调解记录)
    STARTS_AT = "starts_at", QT_TRANSLATE_NOOP("vocabulary", "Starts at")
    ATTENDEES = "attendees", QT_TRANSLATE_NOOP("vocabulary", "Attendees")
    RISK_WARNING = "risk_warning", QT_TRANSLATE_NOOP("vocabulary", "Risk warning")
    RESULT = "result", QT_TRANSLATE_NOOP("vocabulary", "Result")
    STATE = "state", QT_TRANSLATE_NOOP("vocabulary", "State")
    DAYS = "days", QT_TRANSLATE_NOOP("vocabulary", "Days")
    START = "start", QT_TRANSLATE_NOOP("vocabulary", "From")
    SPEAKER = "speaker", QT_TRANSLATE_NOOP("vocabulary", "Speaker")
    SPEAKER_ROLE = "speaker_role", QT_TRANSLATE_NOOP("vocabulary", "Speaker's role")
    SPOKEN_AT = "spoken_at", QT_TRANSLATE_NOOP("vocabulary", "Time said")
    TEXT = "text", QT_TRANSLATE_NOOP("vocabulary", "Text")
    CORRECTS_SEQ = "corrects_seq", QT_TRANSLATE_NOOP("vocabulary", "Entry corrected")
    SIGNED_AT = "signed_at", QT_TRANSLATE_NOOP("vocabulary", "Signed at")
    # What a document is of, beyond its case (文书)
    SITTING = "sitting", QT_TRANSLATE_NOOP("vocabulary", "Sitting")  # 调解会 (whose minutes print)
    VISIT = "visit", QT_TRANSLATE_NOOP("vocabulary", "Follow-up visit")  # 回访
    VAULT = "vault", QT_TRANSLATE_NOOP("vocabulary", "Evidence vault")  # 证据库 (the evidence list checks it)
    # The office's list of courts (法院名录)
    LEVEL = "level", QT_TRANSLATE_NOOP("vocabulary", "Level")  # 法院层级
    AREA = "area", QT_TRANSLATE_NOOP("vocabulary", "Area served")  # 辖区
    IP_AREA = "ip_area", QT_TRANSLATE_NOOP("vocabulary", "Area of IP jurisdiction")  # 知识产权案件管辖区域
    HEARS = "hears", QT_TRANSLATE_NOOP("vocabulary", "IP cases heard at first instance")
    # Prints of a document (文书打印记录)
    PAGES = "pages", QT_TRANSLATE_NOOP("vocabulary", "Pages")  # 打印页码
    PRINTER = "printer", QT_TRANSLATE_NOOP("vocabulary", "Printer")  # 打印机
    # Canonical records (a record's "type" key is TYPE above)
    VERSION = "version", QT_TRANSLATE_NOOP("vocabulary", "version")


def field_of(error: MedisealError) -> Field | None:
    """The field ``error`` names, or None (none named, or a code this version does not know)."""
    try:
        return Field(str(error.fields[FIELD]))
    except (KeyError, ValueError):
        return None


def english_message(error: MedisealError) -> str:
    """``error``'s English message naming its field by its label, not its code (``The field Reason is
    required.``), as the command line prints it; ``error.message`` and ``error.fields`` keep the code."""
    field = field_of(error)
    if field is None:
        return error.message
    try:
        return error.template.format(**{**error.fields, FIELD: field.label})
    except (KeyError, IndexError, ValueError):
        return error.message
