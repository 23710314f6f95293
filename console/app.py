"""The console's aiohttp application: routes, middlewares, Rasa client.

::

    app = make_app(ConsoleSettings.from_env(), session_factory)

Every route but the named public ones (``login_page``, ``login``, ``static``) needs a
session (:mod:`console.security`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path

import aiohttp
from aiohttp import web
from sqlalchemy.orm import Session

from actions.store.types import utcnow
from console import api, views
from console.context import Console
from console.rasa import RasaApi
from console.security import CONSOLE, require_session, security_headers
from console.settings import ConsoleSettings

STATIC = Path(__file__).resolve().parent / "static"
REFERRAL = r"/referrals/{referral_id:\d{1,12}}"
API_REFERRAL = r"/api/referrals/{referral_id:\d{1,12}}"
# Forms and JSON bodies are small: a reply is 2,000 characters at most.
MAX_BODY_BYTES = 64 * 1024


def make_app(
    settings: ConsoleSettings,
    session_factory: Callable[[], Session],
    clock: Callable[[], datetime] = utcnow,
) -> web.Application:
    """Build the console application.

    Args:
        settings: The console's settings.
        session_factory: Opens sessions on the application database (migrated).
        clock: The current instant (aware UTC); tests pass their own.

    Returns:
        The application; its Rasa client opens on start-up and closes on clean-up.
    """
    app = web.Application(
        middlewares=[security_headers, require_session],
        client_max_size=MAX_BODY_BYTES,
    )
    console = Console(settings, session_factory, clock)
    app[CONSOLE] = console
    app.cleanup_ctx.append(_rasa_client(console))
    app.router.add_get("/login", views.login_page, name="login_page")
    app.router.add_post("/login", views.login, name="login")
    app.router.add_post("/logout", views.logout, name="logout")
    app.router.add_get("/", views.referral_list, name="referrals")
    app.router.add_get(REFERRAL, views.referral_page, name="referral")
    app.router.add_post(REFERRAL + "/reply", views.reply, name="reply")
    app.router.add_post(REFERRAL + "/close", views.close, name="close")
    app.router.add_get("/api/referrals", api.list_referrals, name="api_referrals")
    app.router.add_get(API_REFERRAL, api.get_referral, name="api_referral")
    app.router.add_post(API_REFERRAL + "/reply", api.reply, name="api_reply")
    app.router.add_post(API_REFERRAL + "/close", api.close, name="api_close")
    app.router.add_static("/static", STATIC, name="static")
    return app


def _rasa_client(
    console: Console,
) -> Callable[[web.Application], AsyncIterator[None]]:
    async def context(app: web.Application) -> AsyncIterator[None]:
        timeout = aiohttp.ClientTimeout(total=console.settings.request_timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            console.rasa = RasaApi(
                session, console.settings.rasa_url, console.settings.auth_token
            )
            yield
            console.rasa = None

    return context
