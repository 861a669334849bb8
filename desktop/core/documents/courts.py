"""The competent court for judicial confirmation (司法确认), suggested from the case, with its reasons.

Civil Procedure Law (2023) art. 205: “经依法设立的调解组织调解达成调解协议，申请司法确认的，由双方当事人
自调解协议生效之日起三十日内，共同向下列人民法院提出：（一）人民法院邀请调解组织开展先行调解的，向作出邀请
的人民法院提出；（二）调解组织自行开展调解的，向当事人住所地、标的物所在地、调解组织所在地的基层人民法院
提出；调解协议所涉纠纷应当由中级人民法院管辖的，向相应的中级人民法院提出。”

Which disputes belong to an intermediate court at first instance follows the SPC 2022 provisions on IP
jurisdiction (法释〔2022〕13号, see ``core.office.courts``). The suggestion is only that: the clerk may
choose another court of the office's list (``choose_court``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.cases.matters import CaseSource, CaseType, PatentKind, details_of, find_case
from desktop.core.cases.parties import PartyRole, list_parties
from desktop.core.cases.persons import Organisation
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.office.courts import (
    CourtInfo,
    CourtLevel,
    Jurisdiction,
    committee_place,
    find_court,
    list_courts,
)
from desktop.core.office.office import get_office
from desktop.core.text import clean_text
from desktop.core.vocabulary import Vocabulary

PLACE_MAX = 200


class ReasonCode(Vocabulary):
    """Why a court is suggested (or none is). The label is the sentence, with the facts as ``{fields}``.
    Art. 205(1) names the court that invited mediation before filing (委派, 先行调解); mediation a court
    entrusted after filing (委托) goes back to the court that has the case, as the SPC's 2011 rules on
    judicial confirmation (法释〔2011〕5号) art. 2 also send 委派 mediation to the inviting court."""

    INVITING_COURT = "inviting-court", QT_TRANSLATE_NOOP(
        "vocabulary", "{court} invited the committee to mediate: the application goes to the inviting court "
                      "(Civil Procedure Law art. 205(1)).")
    ENTRUSTING_COURT = "entrusting-court", QT_TRANSLATE_NOOP(
        "vocabulary", "{court} entrusted the mediation of its case {court_case}: the agreement goes back to "
                      "that court, which has the case.")
    INVITING_COURT_UNLISTED = "inviting-court-unlisted", QT_TRANSLATE_NOOP(
        "vocabulary", "{court}, named in the case, is not an active court of the office's list: add it to "
                      "the list.")
    INTERMEDIATE_DISPUTE = "intermediate-dispute", QT_TRANSLATE_NOOP(
        "vocabulary", "This {dispute} dispute belongs at first instance to an intermediate court ({rule}): "
                      "the application goes to the corresponding intermediate court (Civil Procedure Law "
                      "art. 205(2)).")
    BASIC_DISPUTE = "basic-dispute", QT_TRANSLATE_NOOP(
        "vocabulary", "This {dispute} dispute is heard at first instance by a basic court (SPC 2022 "
                      "provisions on IP jurisdiction, art. 3): the basic court where a party lives, where "
                      "the subject matter is or where the committee is located (Civil Procedure Law "
                      "art. 205(2)).")
    TECHNICAL_SECRET = "technical-secret", QT_TRANSLATE_NOOP(
        "vocabulary", "This assumes a technical secret; a dispute over business information goes to a basic "
                      "court.")
    PARTY_DOMICILE = "party-domicile", QT_TRANSLATE_NOOP(
        "vocabulary", "{court} serves {area}, the domicile of the {role} {party} ({address}).")
    SUBJECT_MATTER = "subject-matter", QT_TRANSLATE_NOOP(
        "vocabulary", "{court} serves {area}, where the subject matter is ({place}).")
    COMMITTEE = "committee", QT_TRANSLATE_NOOP(
        "vocabulary", "{court} serves {area}, where the committee is located ({place}).")
    NOT_HEARING_IP = "not-hearing-ip", QT_TRANSLATE_NOOP(
        "vocabulary", "{court} is not recorded as hearing IP cases at first instance: check that it accepts "
                      "the application.")
    NO_COURT_FOR_DISPUTE = "no-court-for-dispute", QT_TRANSLATE_NOOP(
        "vocabulary", "The office's list has no active court that hears {dispute} disputes at first "
                      "instance: add one, or choose the court yourself.")
    NO_COURT_FOR_PLACE = "no-court-for-place", QT_TRANSLATE_NOOP(
        "vocabulary", "No fitting court of the office's list serves the place where a party lives, where the "
                      "subject matter is or where the committee is located: add one, or choose the court "
                      "yourself.")


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason, in words: ``code``'s sentence with the facts it rests on (``fields``)."""

    code: ReasonCode
    fields: tuple[tuple[str, str | Vocabulary], ...]

    @property
    def text(self) -> str:
        """The sentence in English (the window translates ``code.label`` and the vocabulary fields)."""
        return self.code.label.format(**{key: value.label if isinstance(value, Vocabulary) else value
                                         for key, value in self.fields})

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "text": self.text,
                "fields": {key: str(value) for key, value in self.fields}}


def _reason(code: ReasonCode, **fields: str | Vocabulary) -> Reason:
    return Reason(code, tuple(fields.items()))


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another court that fits, with why."""

    court: CourtInfo
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The suggested court (None when the office's list has none that fits), why, and the other courts
    that fit."""

    court: CourtInfo | None
    reasons: tuple[Reason, ...]
    alternatives: tuple[Alternative, ...]

    def as_json(self) -> dict[str, Any]:
        return {"court": self.court.as_json() if self.court else None,
                "reasons": [reason.as_json() for reason in self.reasons],
                "alternatives": [{"court": alt.court.as_json(), "reasons": [r.as_json() for r in alt.reasons]}
                                 for alt in self.alternatives]}


@dataclass(frozen=True, slots=True)
class _Place:
    """A fact about a place the competent court rests on."""

    code: ReasonCode
    text: str
    fields: tuple[tuple[str, str | Vocabulary], ...]


class _Dispute(Vocabulary):
    """What the dispute is, for the reasons' words."""

    PATENT = "patent", QT_TRANSLATE_NOOP("vocabulary", "patent")
    INVENTION = "invention-patent", QT_TRANSLATE_NOOP("vocabulary", "invention patent")
    UTILITY_MODEL = "utility-model-patent", QT_TRANSLATE_NOOP("vocabulary", "utility-model patent")
    DESIGN = "design-patent", QT_TRANSLATE_NOOP("vocabulary", "design patent")
    PLANT_VARIETY = "plant-variety", QT_TRANSLATE_NOOP("vocabulary", "plant variety")
    IC_LAYOUT = "ic-layout", QT_TRANSLATE_NOOP("vocabulary", "integrated-circuit layout design")
    TRADE_SECRET = "trade-secret", QT_TRANSLATE_NOOP("vocabulary", "trade secret")
    TRADEMARK = "trademark", QT_TRANSLATE_NOOP("vocabulary", "trademark")
    COPYRIGHT = "copyright", QT_TRANSLATE_NOOP("vocabulary", "copyright")
    UNFAIR_COMPETITION = "unfair-competition", QT_TRANSLATE_NOOP("vocabulary", "unfair competition")
    GEOGRAPHICAL_INDICATION = "geographical-indication", QT_TRANSLATE_NOOP(
        "vocabulary", "geographical indication")
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "intellectual property")


_PATENT_WORDS = {PatentKind.INVENTION: _Dispute.INVENTION, PatentKind.UTILITY_MODEL: _Dispute.UTILITY_MODEL,
                 PatentKind.DESIGN: _Dispute.DESIGN}


class _Rule(Vocabulary):
    """The article of the SPC 2022 provisions on IP jurisdiction (法释〔2022〕13号) a reason cites."""

    ART_1 = "spc-2022-ip-art-1", QT_TRANSLATE_NOOP(
        "vocabulary", "SPC 2022 provisions on IP jurisdiction, art. 1")
    ART_2 = "spc-2022-ip-art-2", QT_TRANSLATE_NOOP(
        "vocabulary", "SPC 2022 provisions on IP jurisdiction, art. 2")


def jurisdiction_of(case_type: CaseType, patent_kind: PatentKind | None) -> tuple[Jurisdiction, _Dispute]:
    """Which first-instance jurisdiction a dispute needs (SPC 2022 provisions arts. 1–3), and its words.
    A patent of unrecorded kind counts as an invention or utility model (art. 1), a trade secret as a
    technical one (art. 1), so the suggestion errs toward the court that may hear either."""
    if case_type is CaseType.PATENT:
        if patent_kind is PatentKind.DESIGN:
            return Jurisdiction.DESIGN_PATENT, _Dispute.DESIGN
        return Jurisdiction.TECHNICAL, _PATENT_WORDS.get(patent_kind, _Dispute.PATENT) \
            if patent_kind is not None else _Dispute.PATENT
    technical = {CaseType.PLANT_VARIETY: _Dispute.PLANT_VARIETY, CaseType.IC_LAYOUT: _Dispute.IC_LAYOUT,
                 CaseType.TRADE_SECRET: _Dispute.TRADE_SECRET}
    if case_type in technical:
        return Jurisdiction.TECHNICAL, technical[case_type]
    return Jurisdiction.GENERAL, _Dispute(case_type.value)


def _fits(court: CourtInfo, need: Jurisdiction) -> bool:
    if need is Jurisdiction.TECHNICAL:
        return need in court.hears
    if need is Jurisdiction.DESIGN_PATENT:
        # Art. 2: intermediate courts hear design patents; a basic court only when the SPC approved it.
        return need in court.hears or (court.level is CourtLevel.INTERMEDIATE and
                                       Jurisdiction.TECHNICAL in court.hears)
    return court.level is CourtLevel.BASIC  # art. 205(2): a basic court of the place


def _places(session: Session, number: str, subject_place: str) -> list[_Place]:
    places: list[_Place] = []
    for party in list_parties(session, number):
        if party.role is PartyRole.THIRD_PARTY:
            continue  # art. 205: the two sides apply (双方当事人), so their domiciles count
        identity = party.identity
        address = identity.domicile if isinstance(identity, Organisation) else identity.address
        if address:
            places.append(_Place(ReasonCode.PARTY_DOMICILE, address,
                                 (("role", party.role), ("party", identity.name), ("address", address))))
    subject = clean_text(subject_place, "place", PLACE_MAX)
    if subject:
        places.append(_Place(ReasonCode.SUBJECT_MATTER, subject, (("place", subject),)))
    office = get_office(session)
    committee = committee_place(session) or (office.name if office else "")
    if committee:
        places.append(_Place(ReasonCode.COMMITTEE, committee, (("place", committee),)))
    return places


def _served_area(court: CourtInfo, text: str) -> str:
    """The area of ``court`` named in ``text`` (the wider IP area or its own), or ""."""
    areas = sorted({court.area, court.ip_area}, key=len, reverse=True)
    return next((area for area in areas if area and area in text), "")


def suggest_court(session: Session, number: str, *, subject_place: str = "") -> Suggestion:
    """The court to address the application for judicial confirmation of case ``number`` to, per Civil
    Procedure Law art. 205, with every reason in words; ``subject_place`` is where the subject matter is,
    when it matters (the case does not record it)."""
    row = find_case(session, number)
    details = details_of(session, row)
    courts = list_courts(session, active_only=True)
    if details.source is not None and details.source.from_court and details.court_name:
        by_name = {court.name: court for court in courts}
        if details.source is CaseSource.COURT_ENTRUSTED:
            invited = _reason(ReasonCode.ENTRUSTING_COURT, court=details.court_name,
                              court_case=details.court_case_number)
        else:
            invited = _reason(ReasonCode.INVITING_COURT, court=details.court_name)
        listed = by_name.get(details.court_name)
        if listed is None:
            return Suggestion(None, (invited, _reason(ReasonCode.INVITING_COURT_UNLISTED,
                                                      court=details.court_name)), ())
        return Suggestion(listed, (invited,), ())

    need, dispute = jurisdiction_of(details.case_type, details.patent_kind)
    if need is Jurisdiction.GENERAL:
        ground = _reason(ReasonCode.BASIC_DISPUTE, dispute=dispute)
    else:
        ground = _reason(ReasonCode.INTERMEDIATE_DISPUTE, dispute=dispute,
                         rule=_Rule.ART_2 if need is Jurisdiction.DESIGN_PATENT else _Rule.ART_1)
    grounds = (ground, _reason(ReasonCode.TECHNICAL_SECRET)) if dispute is _Dispute.TRADE_SECRET \
        else (ground,)
    fitting = [court for court in courts if _fits(court, need)]
    if not fitting:
        return Suggestion(None, (*grounds, _reason(ReasonCode.NO_COURT_FOR_DISPUTE, dispute=dispute)), ())

    # Each fitting court with the places it serves, in the order of the facts (parties, subject, committee).
    found: dict[int, list[Reason]] = {}
    order: list[CourtInfo] = []
    for place in _places(session, number, subject_place):
        for court in fitting:
            area = _served_area(court, place.text)
            if not area:
                continue
            if court.id not in found:
                found[court.id] = []
                order.append(court)
            found[court.id].append(Reason(place.code, (("court", court.name), ("area", area), *place.fields)))
    if not order:
        return Suggestion(None, (*grounds, _reason(ReasonCode.NO_COURT_FOR_PLACE)),
                          tuple(Alternative(court, ()) for court in fitting))
    if need is Jurisdiction.GENERAL:
        # SPC 2022 provisions art. 3: IP cases go to the basic courts designated for them; prefer those.
        order.sort(key=lambda court: Jurisdiction.GENERAL not in court.hears)

    def why(court: CourtInfo) -> tuple[Reason, ...]:
        caution = (_reason(ReasonCode.NOT_HEARING_IP, court=court.name),) \
            if need is Jurisdiction.GENERAL and Jurisdiction.GENERAL not in court.hears else ()
        return (*found[court.id], *caution)

    chosen, *others = order
    return Suggestion(chosen, (*grounds, *why(chosen)),
                      tuple(Alternative(court, why(court)) for court in others))


def choose_court(session: Session, name: str) -> CourtInfo:
    """The clerk's choice of court, overriding the suggestion: an active court of the office's list, else
    ``NotFound`` (not in the list) or ``InvalidInput`` (no longer active)."""
    court = find_court(session, clean_text(name, "court_name", PLACE_MAX, required=True))
    if not court.active:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{court} is no longer an active court of the office's list."),
            field="court_name", court=court.name)
    return court
