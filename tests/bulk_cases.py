"""Many plain case rows at once, written with SQL (``executemany``) for measuring the case register: the
register reads only ``mediation_case`` (party and mediator names, the next deadline and the foreign mark
are kept on the row) and ``case_mediator`` for the mediator filter. These rows are not in the ledger: a
store filled this way is for timing lists, not for verification."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from db.engine import Database
from db.models import CaseMediator, MediationCase
from desktop.core.cases.matters import CASE_TYPES
from desktop.core.cases.workflow import CaseStatus

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红娟建国志云南滇"
PLACES = ("昆明", "玉溪", "曲靖", "大理", "丽江", "红河", "文山", "普洱", "保山", "楚雄")
TRADES = ("科技", "茶业", "电子商务", "文化传媒", "食品", "药业", "服饰", "农业开发", "网络", "建材")
TOPICS = ("商标侵权纠纷", "著作权侵权纠纷", "专利侵权纠纷", "不正当竞争纠纷", "商业秘密纠纷", "许可合同纠纷")
BATCH = 5000


def _company(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}{rng.choice(TRADES)}有限公司"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def insert_cases(database: Database, count: int, *, prefix: str = "云知调", year: int = 2026,
                 today: date = date(2026, 11, 25), mediators: tuple[tuple[str, str], ...] = (),
                 seed: int = 1, first_serial: int = 1) -> None:
    """Insert ``count`` mediation cases numbered from ``first_serial`` in ``year``, spread over every type
    and status, received over the two years before ``today``; about one in seven has a deadline within
    the due-soon window, one in twelve is foreign-related; ``mediators`` (login, real name) are assigned
    round the cases."""
    rng = random.Random(seed)
    statuses = list(CaseStatus)
    created = datetime(year, 1, 1, tzinfo=UTC)
    with database.session_scope() as session:
        serial = first_serial
        left = count
        while left > 0:
            size = min(BATCH, left)
            rows = []
            for _ in range(size):
                applicant = _company(rng)
                respondent = _person(rng) if rng.random() < 0.4 else _company(rng)
                received = today - timedelta(days=rng.randint(0, 730))
                roll = rng.random()
                deadline = (today + timedelta(days=rng.randint(-3, 7)) if roll < 0.15
                            else today + timedelta(days=rng.randint(8, 60)) if roll < 0.35 else None)
                rows.append({
                    "kind": "mediation", "number": f"（{year}）{prefix}字第{serial:04d}号", "year": year,
                    "serial": serial, "record_version": 2, "revision": 1,
                    "case_type": rng.choice(CASE_TYPES),
                    "title": f"{applicant[:-4]}与{respondent}{rng.choice(TOPICS)}",
                    "summary": "", "requests": "[]", "received_on": received, "source": "application",
                    "created_by": "lihua", "created_at": created,
                    "status": rng.choice(statuses).value, "foreign_related": rng.random() < 1 / 12,
                    "next_deadline": deadline, "party_names": f"{applicant}、{respondent}",
                    "mediator_names": "",
                })
                serial += 1
            session.execute(insert(MediationCase), rows)
            left -= size
        if mediators:
            ids = session.scalars(MediationCase.__table__.select().with_only_columns(MediationCase.id)
                                  .where(MediationCase.serial >= first_serial)).all()
            assignments = []
            for index, case_id in enumerate(ids):
                login, _name = mediators[index % len(mediators)]
                assignments.append({"case_id": case_id, "mediator": login, "conflict": False,
                                    "declaration": "", "assigned_by": "admin", "assigned_at": created,
                                    "record_sha256": "0" * 64})
            for start in range(0, len(assignments), BATCH):
                session.execute(insert(CaseMediator), assignments[start:start + BATCH])
            names = {login: name for login, name in mediators}
            for login, name in names.items():
                session.execute(MediationCase.__table__.update()
                                .where(MediationCase.id.in_(
                                    CaseMediator.__table__.select().with_only_columns(CaseMediator.case_id)
                                    .where(CaseMediator.mediator == login)))
                                .values(mediator_names=name))
