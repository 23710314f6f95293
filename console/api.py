"""The console's JSON API: the same acts as the pages, for scripts and tools.

``GET /api/referrals``, ``GET /api/referrals/{id}`` (with the conversation; both reads
are audited, see :mod:`actions.services.console_audit`),
``POST /api/referrals/{id}/reply`` (``{"text": …}``; 201 delivered, 502 stored but
not delivered), ``POST /api/referrals/{id}/close``. A session cookie is required
(401 otherwise), and POSTs pass the same-origin check.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from aiohttp import web

from actions.services import console_audit, referrals
from actions.services.referrals import (
    ReferralError,
    ReferralView,
    StaffMessageView,
)
from console.pages import patient_ref
from console.security import CONSOLE, STAFF
from console.views import referral_id_of

_ERROR_STATUS = {"empty": 400, "too_long": 400, "closed": 409, "not_found": 404}


async def list_referrals(request: web.Request) -> web.Response:
    """GET /api/referrals: the referrals not closed, most urgent then oldest first."""
    console = request.app[CONSOLE]
    found = await console.db(
        console_audit.list_open_audited, request[STAFF].id, console.clock()
    )
    return web.json_response({"referrals": [_referral(r) for r in found]})


async def get_referral(request: web.Request) -> web.Response:
    """GET /api/referrals/{id}: the referral, its conversation and its replies."""
    console = request.app[CONSOLE]
    referral = await console.db(
        console_audit.get_audited,
        referral_id_of(request),
        request[STAFF].id,
        console.clock(),
    )
    if referral is None:
        return web.json_response({"error": "not_found"}, status=404)
    conversation = await console.read_conversation(referral, request[STAFF])
    messages = await console.db(referrals.staff_messages, referral.id)
    return web.json_response(
        {
            "referral": _referral(referral),
            "conversation": [_json(asdict(line)) for line in conversation.lines],
            "conversation_error": conversation.error,
            "staff_messages": [_message(message) for message in messages],
        }
    )


async def reply(request: web.Request) -> web.Response:
    """POST /api/referrals/{id}/reply: store and deliver a reply."""
    try:
        body = await request.json()
        text = body["text"]
        if not isinstance(text, str):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return web.json_response({"error": "invalid_body"}, status=400)
    try:
        delivery = await request.app[CONSOLE].reply(
            referral_id_of(request), request[STAFF], text
        )
    except ReferralError as error:
        return _refused(error)
    answer = {"staff_message_id": delivery.id, "delivery_error": delivery.error}
    return web.json_response(answer, status=201 if delivery.error is None else 502)


async def close(request: web.Request) -> web.Response:
    """POST /api/referrals/{id}/close: close it and tell the patient's conversation."""
    try:
        delivery = await request.app[CONSOLE].close(
            referral_id_of(request), request[STAFF]
        )
    except ReferralError as error:
        return _refused(error)
    answer = {"closed": delivery.done, "delivery_error": delivery.error}
    return web.json_response(answer, status=502 if delivery.error else 200)


def _refused(error: ReferralError) -> web.Response:
    return web.json_response({"error": error.code}, status=_ERROR_STATUS[error.code])


def _referral(referral: ReferralView) -> dict[str, Any]:
    values = _json(asdict(referral))
    # The conversation id gives access to the web chat's history: never sent out.
    del values["conversation_id"], values["patient_id"]
    return {**values, "patient_ref": patient_ref(referral.patient_id)}


def _message(message: StaffMessageView) -> dict[str, Any]:
    values = _json(asdict(message))
    del values["conversation_id"], values["patient_id"]
    return values


def _json(values: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, datetime) else value
        for key, value in values.items()
    }
