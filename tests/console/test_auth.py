"""Who may use the console: sessions, sign-in, CSRF, public routes."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from actions.services import referrals
from actions.services.staff_accounts import disable_account
from actions.store.models import AuditEvent, StaffSession
from console.security import COOKIE, PUBLIC_ROUTES
from tests.console.conftest import PASSWORD, REASON, login, origin
from tests.store.fixtures import NOW

# Every route that needs a session: (method, path, kind). {id} is the seeded referral.
PROTECTED = [
    ("GET", "/", "page"),
    ("GET", "/referrals/{id}", "page"),
    ("POST", "/referrals/{id}/reply", "page"),
    ("POST", "/referrals/{id}/close", "page"),
    ("POST", "/logout", "page"),
    ("GET", "/api/referrals", "api"),
    ("GET", "/api/referrals/{id}", "api"),
    ("POST", "/api/referrals/{id}/reply", "api"),
    ("POST", "/api/referrals/{id}/close", "api"),
    ("GET", "/unknown-page", "page"),
    ("GET", "/api/unknown", "api"),
]


async def call(client, method, path, seeded, **kwargs):
    url = path.replace("{id}", str(seeded.referral_id))
    return await client.request(method, url, allow_redirects=False, **kwargs)


def test_every_named_route_is_public_or_tested_as_protected(settings, session_factory):
    from console.app import make_app

    names = {r.name for r in make_app(settings, session_factory).router.routes() if r.name}
    protected = {"logout", "referrals", "referral", "reply", "close", "api_referrals",
                 "api_referral", "api_reply", "api_close"}
    assert names == protected | PUBLIC_ROUTES


@pytest.mark.parametrize("cookie", [None, "forged-token", "x" * 43])
@pytest.mark.parametrize("method, path, kind", PROTECTED)
async def test_without_a_valid_session_everything_is_refused(
    client, seeded, rasa, uow, method, path, kind, cookie
):
    if cookie:
        client.session.cookie_jar.update_cookies({COOKIE: cookie})
    answer = await call(client, method, path, seeded, headers=origin(client),
                        json={"text": "Bonjour"} if kind == "api" else None,
                        data=None if kind == "api" else {"text": "Bonjour"})
    if kind == "page":
        assert answer.status == 303 and answer.headers["Location"] == "/login"
    else:
        assert answer.status == 401 and await answer.json() == {"error": "unauthenticated"}
    assert REASON not in await answer.text()
    assert rasa.triggers() == [] and rasa.tracker_reads == 0
    assert referrals.staff_messages(uow, seeded.referral_id) == []
    assert referrals.get(uow, seeded.referral_id).status == "open"


async def test_an_expired_session_is_refused_and_its_cookie_dropped(client, clock):
    assert (await login(client)).status == 303
    assert (await client.get("/", allow_redirects=False)).status == 200
    clock.now += timedelta(hours=8)
    answer = await client.get("/", allow_redirects=False)
    assert answer.status == 303 and answer.headers["Location"] == "/login"
    assert f"{COOKIE}=" in answer.headers["Set-Cookie"]
    assert (await client.get("/api/referrals")).status == 401


async def test_a_disabled_account_loses_its_session_at_once(client, uow):
    await login(client)
    disable_account(uow, "dupont", NOW)
    assert (await client.get("/", allow_redirects=False)).status == 303


@pytest.mark.parametrize(
    "username, password", [("dupont", PASSWORD + "x"), ("nobody", PASSWORD), ("dupont", "")]
)
async def test_a_failed_sign_in_says_one_generic_thing(client, uow, username, password):
    answer = await login(client, username, password)
    assert answer.status == 401
    page = await answer.text()
    assert "Identifiant ou mot de passe incorrect." in page
    assert COOKIE not in answer.headers.get("Set-Cookie", "")
    assert PASSWORD not in page
    with uow:
        assert uow.session.execute(select(StaffSession)).first() is None


async def test_a_disabled_account_cannot_sign_in_and_gets_the_same_message(client, uow):
    disable_account(uow, "dupont", NOW)
    answer = await login(client)
    assert answer.status == 401
    assert "Identifiant ou mot de passe incorrect." in await answer.text()


async def test_sign_in_sets_a_strict_http_only_cookie_and_stores_only_its_hash(client, uow):
    answer = await login(client)
    assert answer.status == 303 and answer.headers["Location"] == "/"
    cookie = answer.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert cookie["max-age"] == str(8 * 3600) and cookie["path"] == "/"
    with uow:
        stored = uow.session.execute(select(StaffSession.token_hash)).scalar_one()
    assert stored != cookie.value and len(stored) == 64


@pytest.mark.parametrize(
    "headers", [{}, {"Origin": "http://evil.example"}, {"Origin": "null"},
                {"Referer": "http://evil.example/referrals/1"}],
)
async def test_a_post_from_another_site_is_refused(client, seeded, uow, rasa, headers):
    await login(client)
    for action in ("reply", "close"):
        path = f"/referrals/{seeded.referral_id}/{action}"
        answer = await client.post(path, data={"text": "Bonjour"}, headers=headers,
                                   allow_redirects=False)
        assert answer.status == 403
    answer = await client.post("/login", data={"username": "dupont", "password": PASSWORD},
                               headers=headers, allow_redirects=False)
    assert answer.status == 403
    assert rasa.triggers() == [] and referrals.get(uow, seeded.referral_id).status == "open"


async def test_a_same_site_referer_is_enough_without_origin(client, seeded, rasa):
    await login(client)
    referer = str(client.make_url(f"/referrals/{seeded.referral_id}"))
    answer = await client.post(
        f"/referrals/{seeded.referral_id}/reply", data={"text": "Bonjour"},
        headers={"Referer": referer}, allow_redirects=False,
    )
    assert answer.headers["Location"].endswith("notice=sent")


async def test_logout_ends_the_session_in_the_database(client, uow):
    await login(client)
    answer = await client.post("/logout", headers=origin(client), allow_redirects=False)
    assert answer.status == 303 and answer.headers["Location"] == "/login"
    with uow:
        assert uow.session.execute(select(StaffSession)).first() is None
    assert (await client.get("/", allow_redirects=False)).status == 303


async def test_static_files_and_the_login_page_need_no_session(client):
    assert (await client.get("/static/console.css")).status == 200
    page = await client.get("/login")
    text = await page.text()
    assert page.status == 200 and '<label for="password">Mot de passe</label>' in text
    for path in ("/static/../console/app.py", "/static/%2e%2e/console/app.py"):
        answer = await client.get(path, allow_redirects=False)
        assert answer.status in (303, 403, 404) and "make_app" not in await answer.text()


def sign_in_audit(uow) -> list[tuple[str, str]]:
    with uow:
        rows = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action)
            .where(AuditEvent.action.like("staff.%"))
            .where(AuditEvent.action != "staff.created")
            .order_by(AuditEvent.id)
        ).all()
    return [tuple(row) for row in rows]


async def test_five_wrong_passwords_lock_the_account_with_the_same_message(
    client, seeded, uow, clock
):
    for _ in range(5):
        assert (await login(client, password=PASSWORD + "x")).status == 401
    locked = await login(client)  # the right password, while locked
    assert locked.status == 401
    assert "Identifiant ou mot de passe incorrect." in await locked.text()
    assert COOKIE not in locked.headers.get("Set-Cookie", "")
    me = f"staff:{seeded.staff_id}"
    assert sign_in_audit(uow) == [(me, "staff.sign_in_failed")] * 5 + [
        (me, "staff.locked"),
        (me, "staff.sign_in_refused"),
    ]
    clock.now += timedelta(minutes=15)
    assert (await login(client)).status == 303
    assert sign_in_audit(uow)[-1] == (me, "staff.signed_in")


async def test_parallel_wrong_passwords_are_checked_five_times_only(
    client, seeded, uow, monkeypatch
):
    from actions.services import staff_accounts
    from actions.services.passwords import DUMMY_HASH

    real_checks = []
    verify = staff_accounts.verify_password

    def counting(password, stored):
        if stored != DUMMY_HASH:
            real_checks.append(stored)
        return verify(password, stored)

    monkeypatch.setattr(staff_accounts, "verify_password", counting)
    answers = await asyncio.gather(
        *(login(client, password=f"essai {n}") for n in range(20))
    )
    assert [answer.status for answer in answers] == [401] * 20
    assert len(real_checks) == 5
    me = f"staff:{seeded.staff_id}"
    rows = sign_in_audit(uow)
    assert (rows.count((me, "staff.sign_in_failed")), rows.count((me, "staff.locked")),
            rows.count((me, "staff.sign_in_refused"))) == (5, 1, 15)
    assert (await login(client)).status == 401


async def test_an_unknown_username_is_audited_as_unknown(client, seeded, uow):
    assert (await login(client, "mot-de-passe-dans-le-mauvais-champ", "x")).status == 401
    assert sign_in_audit(uow) == [("staff:unknown", "staff.sign_in_failed")]
