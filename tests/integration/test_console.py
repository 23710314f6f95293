"""The staff console in headless Chromium: sign in, read, reply, close; and over
plain HTTP, the sign-in lockout under 50 parallel attempts and the audit of what
staff read, kept (pseudonymised) after the patient's erasure.

It runs ``python -m console`` on a fresh SQLite file against a fake Rasa
(tests/console/fake_rasa.py), so it needs neither a trained model nor the session's
real servers. Chromium and axe-core as in test_webchat.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import select

from actions.services.patient_data import erase_patient, export_patient_data
from actions.services.referrals import open_referral
from actions.services.staff_accounts import add_account
from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.models import AuditEvent
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork
from tests.console.conftest import PASSWORD, Seeded, seed
from tests.console.fake_rasa import TOKEN, ConversationRasa, user
from tests.store.fixtures import add_patient
from tests.integration.conftest import ROOT, free_port, wait_until

pytestmark = pytest.mark.integration

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "webchat" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 30_000


@dataclass
class Console:
    url: str
    rasa: ConversationRasa
    seeded: Seeded
    uow: UnitOfWork


@pytest.fixture(scope="module")
def console(tmp_path_factory) -> Iterator[Console]:
    database = f"sqlite:///{tmp_path_factory.mktemp('console') / 'hygie.db'}"
    upgrade(database)
    engine = make_engine(database)
    uow = UnitOfWork(make_session_factory(engine))
    rasa = ConversationRasa().start()
    seeded = seed(uow, rasa, utcnow())
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "console"],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database,
            "RASA_URL": rasa.url,
            "RASA_AUTH_TOKEN": TOKEN,
            "HYGIE_CONSOLE_PORT": str(port),
        },
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: requests.get(f"{url}/login", timeout=2).ok, 60, "console", server)
        yield Console(url, rasa, seeded, uow)
    finally:
        server.terminate()
        server.wait(timeout=10)
        rasa.stop()
        engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # bypass_csp: the console allows no script at all, axe-core has to be injected.
    context = browser.new_context(locale="fr-FR", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def serious_violations(page: Page) -> list:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make webchat-deps`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def sign_in(page: Page, url: str, password: str = PASSWORD) -> None:
    page.goto(url + "/")
    expect(page).to_have_url(url + "/login")
    page.get_by_label("Identifiant").fill("dupont")
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def test_a_wrong_password_gives_one_generic_message(page, console):
    sign_in(page, console.url, PASSWORD + "x")
    expect(page.get_by_role("alert")).to_have_text("Identifiant ou mot de passe incorrect.")
    expect(page.get_by_label("Mot de passe")).to_have_value("")
    assert serious_violations(page) == []


def test_sign_in_read_reply_close(page, console):
    sign_in(page, console.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Demandes en attente (1)")
    expect(page.get_by_role("heading", name="Aujourd'hui si possible (1)")).to_be_visible()
    assert serious_violations(page) == []

    referral_id = console.seeded.referral_id
    page.get_by_role("link", name=f"Demande n° {referral_id}").click()
    transcript = page.locator("ol.transcript")
    expect(transcript).to_contain_text("Bonjour, je suis Hygie.")
    expect(transcript).to_contain_text("je n'arrive plus à dormir")
    assert serious_violations(page) == []

    page.get_by_label("Votre message au patient").fill("Bonjour, je suis l'infirmière.")
    page.get_by_role("button", name="Envoyer la réponse").click()
    sent = "Votre réponse a été transmise au patient."
    expect(page.get_by_role("status")).to_have_text(sent)
    expect(page.locator("ul.replies")).to_contain_text("Infirmière Dupont")
    (reply,) = console.rasa.triggers()
    assert reply.name == "EXTERNAL_staff_reply" and reply.query["token"] == TOKEN

    page.get_by_role("button", name="Clôturer la demande").click()
    expect(page.get_by_role("status")).to_contain_text("Demande clôturée")
    expect(page.get_by_role("button", name="Envoyer la réponse")).to_have_count(0)
    closed = console.rasa.triggers()[-1]
    assert (closed.name, closed.entities) == (
        "EXTERNAL_handoff_closed", {"referral_id": str(referral_id)},
    )
    page.get_by_role("link", name="Retour aux demandes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demandes en attente (0)")

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url(console.url + "/login")
    page.goto(console.url + "/")
    expect(page).to_have_url(console.url + "/login")


def test_the_keyboard_reaches_everything_with_a_visible_focus(page, console):
    sign_in(page, console.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Demandes en attente")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    assert skip.evaluate("a => getComputedStyle(a).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


# --- Lockout and audit, over HTTP against the console process -------------------


def http_sign_in(console: Console, username: str, password: str) -> requests.Response:
    """POST the sign-in form as a page of the console would (same origin)."""
    return requests.post(
        f"{console.url}/login",
        data={"username": username, "password": password},
        headers={"Origin": console.url},
        allow_redirects=False,
        timeout=60,
    )


def audit_rows(console: Console, *conditions) -> list[tuple]:
    with console.uow:
        rows = console.uow.session.execute(
            select(
                AuditEvent.actor, AuditEvent.action, AuditEvent.patient_id,
                AuditEvent.referral_id, AuditEvent.patient_pseudonym,
            ).where(*conditions).order_by(AuditEvent.id)
        ).all()
    return [tuple(row) for row in rows]


def test_50_parallel_wrong_passwords_lock_the_account_after_5_checks(console):
    staff_id = add_account(console.uow, "martin", "Dr Martin", PASSWORD, utcnow())
    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(
            lambda n: http_sign_in(console, "martin", f"mauvais mot de passe {n}"),
            range(50),
        ))
    assert [answer.status_code for answer in answers] == [401] * 50
    assert all("Identifiant ou mot de passe incorrect." in a.text for a in answers)
    # The right password is refused while locked, with the same answer.
    right = http_sign_in(console, "martin", PASSWORD)
    assert right.status_code == 401 and "hygie_staff_session" not in right.cookies
    me = f"staff:{staff_id}"
    actions = [row[1] for row in audit_rows(console, AuditEvent.actor == me)]
    # 5 passwords reached the hash (sign_in_failed), the 46 others did not.
    assert actions.count("staff.sign_in_failed") == 5
    assert actions.count("staff.sign_in_refused") == 46
    assert actions.count("staff.locked") == 1
    assert "staff.signed_in" not in actions
    with console.uow:
        account = console.uow.staff.get(staff_id)
        assert account.locked_until > utcnow() + timedelta(minutes=14)
    assert not [r for r in audit_rows(console) if "mauvais" in " ".join(map(str, r))]


def test_the_list_and_a_referral_read_are_audited_and_kept_after_erasure(console):
    now = utcnow()
    add_patient(console.uow, "p-erased")
    referral_id = open_referral(console.uow, "p-erased", "J'ai une question", "soon",
                                "ici", now)
    console.rasa.say("sender-p-erased", user("bonjour", now.timestamp()))
    session = requests.Session()
    signed_in = session.post(
        f"{console.url}/login", data={"username": "dupont", "password": PASSWORD},
        headers={"Origin": console.url}, allow_redirects=False, timeout=30,
    )
    assert signed_in.status_code == 303
    assert session.get(f"{console.url}/", timeout=30).status_code == 200
    page = session.get(f"{console.url}/referrals/{referral_id}", timeout=30)
    assert page.status_code == 200 and "J&#x27;ai une question" in page.text
    me = f"staff:{console.seeded.staff_id}"
    reads = [(actor, action, referral) for actor, action, patient, referral, _
             in audit_rows(console, AuditEvent.patient_id == "p-erased")
             if actor == me]
    assert reads == [
        (me, "referral.listed", referral_id),
        (me, "referral.read", referral_id),
        (me, "transcript.read", referral_id),
    ]
    assert (me, "referrals.listed", None, None, None) in audit_rows(console)
    exported = export_patient_data(console.uow, "p-erased", utcnow())
    assert [e["action"] for e in exported["audit_events"] if e["actor"] == me] == [
        "referral.listed", "referral.read", "transcript.read",
    ]

    erased = erase_patient(console.uow, "p-erased", utcnow())
    assert erased["patients"] == 1
    assert audit_rows(console, AuditEvent.patient_id == "p-erased") == []
    assert audit_rows(console, AuditEvent.referral_id == referral_id) == []
    kept = [row for row in audit_rows(console, AuditEvent.patient_pseudonym.is_not(None))
            if row[0] == me]
    assert [row[1] for row in kept] == ["referral.listed", "referral.read",
                                        "transcript.read"]
    assert len({row[4] for row in kept}) == 1
    # The pseudonym does not contain the patient's key.
    assert "p-erased" not in kept[0][4]
    # Who read it is still there; the page of the erased referral is gone.
    assert session.get(f"{console.url}/referrals/{referral_id}", timeout=30).status_code == 404
