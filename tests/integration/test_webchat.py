"""The chat page in headless Chromium, against the real Rasa and action servers.

Chromium is Debian's (``CHROMIUM`` overrides the path), driven by Playwright; the
accessibility audit is axe-core from npm (``webchat/node_modules``, ``make webchat-deps``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Iterator

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.integration.conftest import ROOT, free_port, wait_until

pytestmark = pytest.mark.integration

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "webchat" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def page_url(hygie) -> Iterator[str]:
    port = hygie.webchat_port  # Rasa's socket.io accepts only this page's origin
    server = subprocess.Popen(
        [sys.executable, "scripts/serve_webchat.py", str(port)],
        cwd=ROOT,
        env=hygie.app_env,  # Rasa's URL and token; the database, for the export links
    )
    url = f"http://127.0.0.1:{port}/"
    wait_until(lambda: requests.get(url, timeout=2).ok, 30, "chat page", server)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make webchat-deps`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def bot_messages(page: Page):
    return page.locator("#log li.bot")


def open_chat(page: Page, url: str) -> None:
    page.goto(url)
    expect(bot_messages(page).first).to_contain_text("assistant automatique")


def serious_violations(page: Page) -> list:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools: the page's CSP forbids an injected inline script.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_page_is_french_with_the_numbers_and_no_placeholder(page_url):
    html = requests.get(page_url, timeout=5)
    assert html.headers["Content-Type"].startswith("text/html")
    assert '<html lang="fr">' in html.text and "{{" not in html.text
    assert 'href="tel:15"' in html.text and 'href="tel:3114"' in html.text
    assert 'href="sms:114"' in html.text
    assert requests.get(f"{page_url}../etc/passwd", timeout=5).status_code == 404
    assert requests.get(f"{page_url}history?session=../../x", timeout=5).status_code == 400


def test_the_page_works_under_its_strict_csp_without_a_violation(page, page_url, hygie):
    policy = requests.get(page_url, timeout=5).headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    rasa = hygie.rasa_url.split("://", 1)[1]
    assert f"connect-src 'self' http://{rasa} ws://{rasa}" in policy
    # Recorded from before the page's first script, outside the page's CSP.
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    console = []
    page.on("console", lambda message: console.append(message.text))
    open_chat(page, page_url)
    page.get_by_label("Votre message").fill("merci beaucoup")
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    page.get_by_role("button", name="Contraste élevé").click()
    page.reload()
    expect(bot_messages(page)).to_have_count(2)
    assert page.evaluate("window.cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text] == []


def test_greeting_then_a_button_then_a_reload_keeps_the_history(page, page_url, hygie):
    open_chat(page, page_url)
    page.get_by_role("button", name="Premiers secours").first.click()
    expect(page.locator("#log li.user").last).to_have_text("Vous :Premiers secours")
    expect(bot_messages(page)).to_have_count(2)
    expect(bot_messages(page).nth(1).get_by_role("button").first).to_be_visible()
    session = page.evaluate("localStorage.getItem('hygie_session')")

    page.reload()
    expect(bot_messages(page)).to_have_count(2)
    expect(page.locator("#log li.user")).to_have_text(["Vous :Premiers secours"])
    expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")
    page.get_by_label("Votre message").fill("merci beaucoup")
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(3)
    expect(bot_messages(page).last).to_contain_text("Avec plaisir")
    users = [e["text"] for e in hygie.tracker(session)["events"] if e["event"] == "user"]
    assert users == ["/greet", "/browse_first_aid", "merci beaucoup"]


def test_a_proactive_message_appears_live(page, page_url, hygie):
    open_chat(page, page_url)
    session = page.evaluate("localStorage.getItem('hygie_session')")
    answer = requests.post(
        f"{hygie.rasa_url}/conversations/{session}/trigger_intent",
        params={"token": hygie.token, "output_channel": "latest"},
        json={"name": "ask_help"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    expect(bot_messages(page)).to_have_count(2)
    expect(bot_messages(page).last).to_contain_text("Je peux vous aider")


def test_everything_works_with_the_keyboard_alone(page, page_url):
    open_chat(page, page_url)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller à la saisie du message")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Votre message")).to_be_focused()
    page.keyboard.type("c'est quoi vos horaires ?")
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    first_reply = page.locator("#log .replies button").first
    first_reply.focus()
    outline = first_reply.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline == "solid", "focus must be visible"
    page.keyboard.press("Enter")
    expect(page.locator("#log li.user")).to_have_count(2)


def test_large_text_and_high_contrast_toggles_are_pressed_buttons_that_persist(page, page_url):
    open_chat(page, page_url)
    size = lambda: page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")  # noqa: E731
    before = size()
    large = page.get_by_role("button", name="Texte agrandi")
    expect(large).to_have_attribute("aria-pressed", "false")
    large.click()
    expect(large).to_have_attribute("aria-pressed", "true")
    assert size() >= before * 1.3
    page.get_by_role("button", name="Contraste élevé").click()
    page.reload()
    expect(page.get_by_role("button", name="Contraste élevé")).to_have_attribute("aria-pressed", "true")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [360, 640])
def test_a_phone_or_200_percent_zoom_needs_no_horizontal_scrolling(browser, page_url, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        open_chat(page, page_url)
        page.get_by_role("button", name="Texte agrandi").click()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        expect(page.get_by_role("button", name="Envoyer")).to_be_in_viewport()
    finally:
        context.close()


def test_axe_finds_no_serious_violation_before_and_after_a_conversation(page, page_url):
    page.goto(page_url)
    assert serious_violations(page) == []
    expect(bot_messages(page).first).to_contain_text("assistant automatique")
    page.get_by_role("button", name="Conseils santé").first.click()
    expect(bot_messages(page)).to_have_count(2)
    page.get_by_label("Votre message").fill("j'ai une petite brûlure à la main")
    page.get_by_role("button", name="Envoyer").click()
    expect(bot_messages(page)).to_have_count(3)
    assert serious_violations(page) == []


def test_the_page_tells_the_patient_when_hygie_cannot_be_reached(browser):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "scripts/serve_webchat.py", str(port)],
        cwd=ROOT,
        env={**os.environ, "RASA_URL": f"http://127.0.0.1:{free_port()}"},
    )
    url = f"http://127.0.0.1:{port}/"
    context = browser.new_context(locale="fr-FR")
    try:
        wait_until(lambda: requests.get(url, timeout=2).ok, 30, "chat page", server)
        page = context.new_page()
        page.goto(url)
        expect(page.get_by_role("status")).to_contain_text("pas joignable", timeout=TIMEOUT_MS)
        expect(page.get_by_role("status")).to_contain_text("15")
        page.get_by_label("Votre message").fill("bonjour")
        page.keyboard.press("Enter")
        expect(page.get_by_label("Votre message")).to_have_value("bonjour")
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)


def test_forgetting_on_this_device_only_keeps_the_conversation_at_hygie(page, page_url, hygie):
    open_chat(page, page_url)
    page.get_by_label("Votre message").fill("merci beaucoup")
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    old_session = page.evaluate("localStorage.getItem('hygie_session')")
    page.get_by_role("button", name="Effacer la conversation de cet appareil").click()
    dialog = page.get_by_role("dialog", name="Effacer la conversation")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Seulement sur cet appareil").click()
    expect(page.locator("#status")).to_have_text("Conversation effacée de cet appareil.")
    assert page.evaluate("localStorage.getItem('hygie_session')") != old_session
    assert "merci beaucoup" in [e.get("text") for e in hygie.tracker(old_session)["events"]]


def test_forgetting_at_hygie_too_erases_the_conversation_on_the_server(page, page_url, hygie):
    open_chat(page, page_url)
    session = page.evaluate("localStorage.getItem('hygie_session')")
    phrase = f"je dors mal depuis le deces de {uuid.uuid4().hex[:8]}"
    page.get_by_label("Votre message").fill(phrase)
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    assert phrase in [e.get("text") for e in hygie.tracker(session)["events"]]
    page.get_by_role("button", name="Effacer la conversation de cet appareil").click()
    page.get_by_role("dialog").get_by_role("button", name="Aussi chez Hygie (tout effacer)").click()
    expect(bot_messages(page).last).to_contain_text("Confirmez-vous")
    bot_messages(page).last.get_by_role("button", name="Oui, tout effacer").click()
    expect(bot_messages(page).last).to_contain_text("notre conversation comprise")
    events = hygie.tracker(session)["events"]
    assert [e for e in events if e["event"] in ("user", "bot")] == []
    assert requests.get(f"{page_url}history", params={"session": session}, timeout=10).json() == []
    page.reload()
    expect(page.locator("#log li.user")).to_have_count(0)
