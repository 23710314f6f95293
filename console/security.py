"""Who may use the console: the session cookie, and the checks every request passes.

* **Sign-in required everywhere** except the sign-in page and the static files: a
  page answers 303 to ``/login``, an API call 401. The public routes are named, and
  the check uses the route aiohttp matched, never a path prefix.
* **The cookie** holds a random token (32 bytes); the database keeps its SHA-256 and
  its expiry (8 h), so any replica can check it and a forged or expired one is refused.
  It is ``HttpOnly`` and ``SameSite=Strict`` (``Secure`` behind HTTPS).
* **CSRF**: a POST must come from a page of this host (``Origin``, else ``Referer``).
* **Password guessing**: 5 failed sign-ins in 15 minutes lock the account (counted in
  the database, so across console processes; see
  :mod:`actions.services.sign_in_guard`), and each failure answers after a delay.
* **Headers**: no scripts at all (CSP), no framing, no caching of patient data.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from actions.services.staff_accounts import session_staff
from console.context import Console

COOKIE = "hygie_staff_session"
CONSOLE = web.AppKey("console", Console)
STAFF = "staff"  # request key of the signed-in account
# Routes open without a session (by name, see console/app.py).
PUBLIC_ROUTES = frozenset({"login_page", "login", "static"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def is_api(request: web.Request) -> bool:
    """Whether the request is for the JSON API."""
    return request.path == "/api" or request.path.startswith("/api/")


def same_origin(request: web.Request) -> bool:
    """Whether a request comes from a page of this host (``Origin``, else ``Referer``).

    A request with neither is refused: every browser sends ``Origin`` with a POST.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == (
        request.host or ""
    ).lower()


def refuse(request: web.Request, status: int, reason: str) -> web.Response:
    """An error answer: JSON for the API, a short French page otherwise."""
    if is_api(request):
        return web.json_response({"error": reason}, status=status)
    text = {403: "Requête refusée.", 404: "Page introuvable."}.get(status, reason)
    return web.Response(status=status, text=text, content_type="text/plain")


@web.middleware
async def security_headers(
    request: web.Request, handler: Handler
) -> web.StreamResponse:
    """Add the security headers to every answer, errors included."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        response = error
        _headers(response)
        raise
    _headers(response)
    return response


@web.middleware
async def require_session(
    request: web.Request, handler: Handler
) -> web.StreamResponse:
    """Refuse cross-site POSTs, and anything but the public routes without a session."""
    if request.method in UNSAFE_METHODS and not same_origin(request):
        return refuse(request, 403, "cross_origin")
    route_name = request.match_info.route.name
    if route_name in PUBLIC_ROUTES:
        return await handler(request)
    console = request.app[CONSOLE]
    token = request.cookies.get(COOKIE, "")
    staff = await console.db(session_staff, token, console.clock()) if token else None
    if staff is None:
        if is_api(request):
            return refuse(request, 401, "unauthenticated")
        redirect = web.HTTPSeeOther("/login")
        if token:  # expired or forged: drop it
            redirect.del_cookie(COOKIE, path="/")
        raise redirect
    request[STAFF] = staff
    return await handler(request)


def set_session_cookie(
    response: web.StreamResponse, token: str, console: Console
) -> None:
    """Give the browser its session token."""
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(console.settings.session_lifetime.total_seconds()),
        path="/",
        httponly=True,
        samesite="Strict",
        secure=console.settings.secure_cookie,
    )


def _headers(response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
