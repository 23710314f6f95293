"""The console's pages: sign-in, the open referrals, one referral, reply, close.

A POST answers 303 to a page (post/redirect/get): reloading never sends twice. What
happened is said on that page through ``?notice=<code>`` (a fixed code, see
:data:`console.pages.NOTICES`, never free text).
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from actions.services import console_audit, referrals
from actions.services.referrals import ReferralError
from actions.services.staff_accounts import authenticate, end_session, start_session
from console import pages
from console.security import CONSOLE, COOKIE, STAFF, set_session_cookie

# Longest username or password read from the sign-in form.
MAX_FIELD = 1024


def html(text: str, status: int = 200) -> web.Response:
    """An HTML answer."""
    return web.Response(text=text, status=status, content_type="text/html")


async def login_page(request: web.Request) -> web.Response:
    """GET /login: the sign-in form."""
    return html(pages.login_page())


async def login(request: web.Request) -> web.StreamResponse:
    """POST /login: check the password; on success open a session and go to the list.

    A failure answers 401 with one generic message, after a delay; so does a locked
    account (failures are counted and audited in the database, see
    :mod:`actions.services.sign_in_guard`).
    """
    console = request.app[CONSOLE]
    form = await request.post()
    username = str(form.get("username", ""))[:MAX_FIELD]
    password = str(form.get("password", ""))[:MAX_FIELD]
    staff = await console.db(authenticate, username, password, console.clock())
    if staff is None:
        await asyncio.sleep(console.settings.login_failure_delay)
        return html(pages.login_page(failed=True, username=username), status=401)
    token = await console.db(
        start_session, staff.id, console.clock(), console.settings.session_lifetime
    )
    response = web.HTTPSeeOther("/")
    set_session_cookie(response, token, console)
    raise response


async def logout(request: web.Request) -> web.StreamResponse:
    """POST /logout: forget the session, here and in the database."""
    console = request.app[CONSOLE]
    await console.db(end_session, request.cookies.get(COOKIE, ""))
    response = web.HTTPSeeOther("/login")
    response.del_cookie(COOKIE, path="/")
    raise response


async def referral_list(request: web.Request) -> web.Response:
    """GET /: the referrals not closed, by urgency (the list is audited)."""
    console = request.app[CONSOLE]
    open_referrals = await console.db(
        console_audit.list_open_audited, request[STAFF].id, console.clock()
    )
    return html(pages.list_page(open_referrals, console.clock(), request[STAFF]))


async def referral_page(request: web.Request) -> web.Response:
    """GET /referrals/{id}: the referral, its conversation, its replies (audited)."""
    console = request.app[CONSOLE]
    staff = request[STAFF]
    referral = await console.db(
        console_audit.get_audited, referral_id_of(request), staff.id, console.clock()
    )
    if referral is None:
        raise web.HTTPNotFound(text="Demande introuvable.")
    conversation = await console.read_conversation(referral, staff)
    messages = await console.db(referrals.staff_messages, referral.id)
    notice = request.query.get("notice")
    return html(
        pages.referral_page(
            referral, conversation, messages, notice, console.clock(), staff
        )
    )


async def reply(request: web.Request) -> web.StreamResponse:
    """POST /referrals/{id}/reply: store the reply, deliver it, say how it went."""
    console = request.app[CONSOLE]
    referral_id = referral_id_of(request)
    form = await request.post()
    try:
        delivery = await console.reply(
            referral_id, request[STAFF], str(form.get("text", ""))
        )
        notice = "sent" if delivery.error is None else "not_delivered"
    except ReferralError as error:
        if error.code == "not_found":
            raise web.HTTPNotFound(text="Demande introuvable.") from None
        notice = "already_closed" if error.code == "closed" else error.code
    raise web.HTTPSeeOther(f"/referrals/{referral_id}?notice={notice}")


async def close(request: web.Request) -> web.StreamResponse:
    """POST /referrals/{id}/close: close it and tell the patient's conversation."""
    console = request.app[CONSOLE]
    referral_id = referral_id_of(request)
    try:
        delivery = await console.close(referral_id, request[STAFF])
    except ReferralError:
        raise web.HTTPNotFound(text="Demande introuvable.") from None
    if not delivery.done:
        notice = "already_closed"
    else:
        notice = "closed" if delivery.error is None else "closed_not_told"
    raise web.HTTPSeeOther(f"/referrals/{referral_id}?notice={notice}")


def referral_id_of(request: web.Request) -> int:
    """The referral id of the URL (the route matches digits only).

    Raises:
        HTTPNotFound: For a number too large to be an id.
    """
    referral_id = int(request.match_info["referral_id"])
    if referral_id > 2**31 - 1:
        raise web.HTTPNotFound(text="Demande introuvable.")
    return referral_id
