"""The staff console in headless Chromium: sign in, read, reply, close.

It runs ``python -m console`` on a fresh SQLite file against a fake Rasa
(tests/console/fake_rasa.py), so it needs neither a trained model nor the session's
real servers. Chromium and axe-core as in test_webchat.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright

from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork
from tests.console.conftest import PASSWORD, Seeded, seed
from tests.console.fake_rasa import TOKEN, ConversationRasa
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
