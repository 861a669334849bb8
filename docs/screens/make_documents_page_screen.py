"""Retake the side bar's Documents page screenshot (issue 12) in Chinese, on the data folder
``make_document_screens.build`` makes (a temporary one), with a second case whose written agreement took
effect today and has no application yet:

    PYTHONPATH=. xvfb-run -a -s "-screen 0 1024x700x24" \
        .venv/bin/python docs/screens/make_documents_page_screen.py docs/screens

writes documents-page.png (the window at 1024 × 700)."""
from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from desktop.core.cases import parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing, record_outcome
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents.generation import DocumentKind, generate
from desktop.core.trust import users
from desktop.ui.app import application
from desktop.ui.framework.i18n import install_translator
from desktop.ui.main_window import MainWindow
from docs.screens.make_document_screens import COMMITTEE, build, shot, wait
from tests.test_documents import NOW, Office


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    install_translator(app, "zh_CN")
    store, signed, _number, _copy = build(Path(tempfile.mkdtemp(prefix="mediseal-screens-")) / "data")
    place = Office.__new__(Office)  # the committee build() made: its users, signed in again
    place.database = store.database
    place.lihua = users.sign_in(store.database, "lihua", "mediator-pass-1")
    place.clerk = signed.actor
    other = place.case(applicant_name="云南白药集团股份有限公司")
    today = office_today()
    with store.database.session_scope() as session:
        for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
            progress.move_case(session, place.lihua, other, target, now=NOW)
    with store.database.session_scope() as session:
        signings = tuple(Signing(party.id, today) for party in parties.list_parties(session, other))
        record_outcome(session, place.lihua, other, OutcomeInput(
            OutcomeKind.WRITTEN_AGREEMENT, signings=signings, mediator_signed_on=today))
    with store.database.session_scope() as session:
        generate(session, signed.actor, DocumentKind.REGISTRATION, other, None, now=NOW + timedelta(hours=2))
        generate(session, signed.actor, DocumentKind.RIGHTS_NOTICE, other, None, now=NOW + timedelta(hours=2))
    window = MainWindow(store.folder, store.database_label)
    window.resize(1024, 700)
    window.move(0, 0)
    window.attach(store, COMMITTEE, signed)
    window.show()
    window.show_page("documents")
    page = window.documents_page
    assert page is not None
    wait(app, lambda: not page.loading and page.table.rowCount() > 0)
    shot(app, out, "documents-page.png", window)
    window.ready_to_close = True
    window.close()
    store.close()


if __name__ == "__main__":
    main()
